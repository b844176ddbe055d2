namespace AgentOps.Client.Events;

/// <summary>A quality score of a run (<c>eval</c>).</summary>
public sealed class EvalEvent : AgentOpsEvent
{
    /// <summary>Creates an <c>eval</c> event.</summary>
    /// <param name="rubric">What was judged (required).</param>
    /// <param name="score">The score, 0 to 1 (required).</param>
    public EvalEvent(string rubric, double score)
        : base(EventTypes.Eval)
    {
        ArgumentException.ThrowIfNullOrEmpty(rubric);
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1);
        Rubric = rubric;
        Score = score;
    }

    /// <summary>What was judged.</summary>
    public string Rubric { get; set; }

    /// <summary>The score, 0 to 1.</summary>
    public double Score { get; set; }

    /// <summary>Whether the run passed this rubric.</summary>
    public bool? Passed { get; set; }

    /// <summary>Who or what judged (a model, a person, a test).</summary>
    public string? Evaluator { get; set; }
}
