namespace AgentOps.Events;

/// <summary>Conversions between US dollars and the nano-dollars the model counts in.</summary>
public static class Money
{
    /// <summary>Nano-dollars in one dollar.</summary>
    public const long NanosPerDollar = 1_000_000_000;

    /// <summary>Dollars to nano-dollars, rounded to the nearest nano-dollar.</summary>
    public static long ToNanos(double usd) => checked((long)Math.Round(usd * NanosPerDollar, MidpointRounding.AwayFromZero));

    /// <summary>Nano-dollars to dollars.</summary>
    public static double ToUsd(long nanos) => (double)nanos / NanosPerDollar;

    /// <summary>A nano-dollar ratio in dollars, 0 when the denominator is 0.</summary>
    public static double PerUnit(long nanos, long units) => units == 0 ? 0 : (double)nanos / NanosPerDollar / units;
}
