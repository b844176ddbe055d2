namespace AgentOps.Runs;

/// <summary>Why a run answers <c>steps: null</c> (API.md "Runs").</summary>
public static class StepsDropped
{
    /// <summary>Tail-based sampling did not keep the run's steps.</summary>
    public const string Sampled = "sampled";

    /// <summary>The steps were deleted by the project's trajectory retention.</summary>
    public const string Expired = "expired";
}
