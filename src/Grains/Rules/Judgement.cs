namespace AgentOps.Rules;

/// <summary>
/// The outcome of judging one rule on one entity now. <see cref="Judged"/> is false when the window has fewer
/// samples than <c>minSamples</c> or the baseline fewer hours than <c>minPoints</c>: the rule then says nothing.
/// </summary>
public readonly record struct Judgement(bool Judged, bool Breached, double Value, double Threshold)
{
    public static Judgement NotJudged { get; } = new(false, false, 0, 0);
}
