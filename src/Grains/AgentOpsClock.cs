namespace AgentOps;

/// <summary>
/// The clock of the monitoring model, a keyed <see cref="TimeProvider"/> (<c>[FromKeyedServices(AgentOpsClock.Key)]</c>).
/// Keyed, so tests can move this clock with a FakeTimeProvider without also freezing Orleans' own timers and membership;
/// when nothing is registered under the key, Orleans' catch-all keyed clock gives the system time.
/// </summary>
public static class AgentOpsClock
{
    public const string Key = "agentops";
}
