namespace AgentOps.Silo.Api.Contracts;

/// <summary>
/// How a channel's URL is shown: a Slack incoming-webhook URL is itself a credential (anyone holding it can post), so
/// only its host and first path segment are shown; other URLs lose their query values (tokens often travel there).
/// </summary>
public static class ChannelUrl
{
    private const string Hidden = "***";

    public static string Display(Uri url, bool isSlack)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (isSlack)
        {
            var first = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return first is null ? origin + "/" : $"{origin}/{first}/{Hidden}";
        }

        if (url.Query.Length <= 1)
        {
            return url.ToString();
        }

        // A pair without '=' may be a bare token (?S3CRET): it is hidden whole, not taken for a name.
        var names = url.Query.TrimStart('?').Split('&').Select(pair => pair.Contains('=', StringComparison.Ordinal) ? pair.Split('=', 2)[0] + "=" + Hidden : Hidden);
        return origin + url.AbsolutePath + "?" + string.Join('&', names);
    }
}
