namespace AgentOps.LoadGenerator;

/// <summary>
/// Realistic step content for <c>--content</c>: a model answer of about a kilobyte and tool arguments of about 300
/// bytes, one in a hundred with an e-mail address in it, so that redaction works on what agents really send.
/// </summary>
public static class StepContent
{
    private const string Answer =
        "Here is the summary you asked for. The checkout service returned HTTP 503 for about 4% of requests between " +
        "12:18 and 12:31 UTC; p95 latency rose from 180 ms to 2,400 ms and the payment client's retry rate from 0.8% to " +
        "11.2%. Version 10.4.2 of the gateway enabled a new connection pool (max 256 connections, idle timeout 90 s) " +
        "whose health check used the old host name db-primary.internal:5432, so connections were recycled every 30 s. " +
        "Order ORD-2024-000123 and 1,284 others were retried; none were charged twice. Next steps: roll back to 10.4.1 " +
        "or set pool.healthCheckHost, add an alert on retry rate above 5% for 5 minutes, and re-run the load test " +
        "(1200 rps, 15 min) before the next deploy. The last run used 128000 tokens of context and cost $3.84. Let me " +
        "know if you want me to open the rollback pull request or draft the post-mortem for the team channel.";

    private const string Arguments =
        "{\"repository\":\"acme/checkout-gateway\",\"base\":\"main\",\"head\":\"rollback/10.4.1\",\"title\":\"Roll back gateway\"," +
        "\"body\":\"Reverts the pool change of 10.4.2 (incident INC-2024-0610).\",\"labels\":[\"incident\",\"sev2\"],\"draft\":false}";

    public static string Output(Random random) =>
        random.Next(100) == 0 ? Answer.Replace("the team channel", "jane.doe@example.com", StringComparison.Ordinal) : Answer;

    public static string Input(Random random) => random.Next(100) == 0 ? Arguments.Replace("main", "ops@example.com", StringComparison.Ordinal) : Arguments;
}
