namespace AgentOps.Hosting;

/// <summary>
/// The endpoints of one Azure Storage account, from the one service URI the silo and dashboard are configured with
/// (<c>AgentOps:Storage:ServiceUri</c>): <c>https://acct.blob.core.windows.net</c> -> <c>https://acct.table.core.windows.net</c>.
/// </summary>
public static class StorageEndpoints
{
    /// <summary>The endpoint of <paramref name="service"/> (blob, table, queue) of the account of <paramref name="serviceUri"/>.</summary>
    public static Uri Of(Uri serviceUri, string service)
    {
        var labels = serviceUri.Host.Split('.');
        if (labels.Length < 3 || labels[1] is not ("blob" or "table" or "queue" or "dfs" or "file"))
        {
            throw new InvalidOperationException($"AgentOps:Storage:ServiceUri '{serviceUri}' is not an Azure Storage service endpoint such as https://<account>.blob.core.windows.net/.");
        }

        labels[1] = service;
        return new UriBuilder(serviceUri.Scheme, string.Join('.', labels), serviceUri.IsDefaultPort ? -1 : serviceUri.Port).Uri;
    }
}
