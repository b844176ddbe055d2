using AgentOps.Entities;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>Turns configured users into <see cref="LocalUser"/>s, or says what is wrong with each (never echoing a hash).</summary>
public static class LocalUserValidation
{
    public static (IReadOnlyList<LocalUser> Users, IReadOnlyList<string> Errors) Validate(IReadOnlyList<LocalUserSettings> configured)
    {
        var users = new List<LocalUser>();
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < configured.Count; i++)
        {
            var settings = configured[i];
            var where = $"AgentOps:Dashboard:Users:{i}";
            var before = errors.Count;
            if (settings.Name is not { } name || !EntityIds.IsValid(name))
            {
                errors.Add($"{where}:Name must be 1-128 characters of A-Z a-z 0-9 . _ : @ + -");
                continue;
            }

            if (!names.Add(name))
            {
                errors.Add($"{where}:Name '{name}' is configured twice (names are case-insensitive)");
            }

            if (!PasswordHashing.IsV3(settings.PasswordHash))
            {
                errors.Add($"{where}:PasswordHash of '{name}' is not an ASP.NET Core Identity V3 hash; make one with 'hash-password'");
            }

            var grants = new List<KeyValuePair<string, ProjectRole>>();
            foreach (var (project, roleName) in settings.Projects)
            {
                if (!EntityIds.IsValid(project))
                {
                    errors.Add($"{where}:Projects: '{project}' is not a valid project id");
                }
                else if (!ProjectRoles.TryParse(roleName, out var role))
                {
                    errors.Add($"{where}:Projects:{project} must be viewer, operator or admin, not '{roleName}'");
                }
                else
                {
                    grants.Add(new(project, role));
                }
            }

            if (errors.Count == before)
            {
                users.Add(new LocalUser(name, settings.PasswordHash!, new ProjectGrants(grants)));
            }
        }

        return (users, errors);
    }
}
