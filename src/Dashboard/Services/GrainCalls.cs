namespace AgentOps.Dashboard.Services;

/// <summary>Runs the dashboard's grain calls: a call that fails for want of the cluster updates the connection banner.</summary>
public sealed class GrainCalls(ClusterConnectionMonitor connection)
{
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            connection.ReportCallSucceeded();
            return result;
        }
        catch (Exception ex) when (ClusterConnectionMonitor.IsConnectivityFailure(ex))
        {
            connection.ReportCallFailed(ex);
            throw ex as ClusterUnavailableException ?? new ClusterUnavailableException(ex);
        }
    }

    public Task RunAsync(Func<Task> call) => RunAsync(async () =>
    {
        await call();
        return true;
    });
}
