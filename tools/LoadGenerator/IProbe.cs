namespace AgentOps.LoadGenerator;

/// <summary>Something measured while the load runs: started once, stopped with the load, then reported.</summary>
public interface IProbe
{
    /// <summary>Events the probe itself got accepted (they count in the verification).</summary>
    long EventsAccepted { get; }

    Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop);

    void Report();
}
