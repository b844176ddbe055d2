namespace AgentOps.Entities;

/// <summary>
/// Grain keys carry the project: <c>{project}/{id}</c>. Ids never contain '/', so the split is unambiguous.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of a per-project grain.</summary>
    public static string For(string project, string id) => string.Concat(project, "/", id);

    /// <summary>The key of a per-project, per-shard grain.</summary>
    public static string ForShard(string project, string name, int shard) => $"{project}/{name}/{shard}";

    /// <summary>Splits a key made by <see cref="For"/> into its project and id.</summary>
    public static (string Project, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"Grain key '{key}' has no project.");
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
