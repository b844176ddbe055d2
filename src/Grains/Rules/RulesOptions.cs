using System.ComponentModel.DataAnnotations;

namespace AgentOps.Rules;

/// <summary>How rules are distributed and judged (configuration section <c>AgentOps:Rules</c>).</summary>
public sealed class RulesOptions
{
    public const string Section = "AgentOps:Rules";

    /// <summary>How stale a silo's copy of a project's rules may be: rule changes reach every grain within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a grain with a pending or firing alert re-judges without new events (at most 15 s per API.md).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:00:15")]
    public TimeSpan JudgeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two judgements of one grain; events in between are judged together.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan MinJudgeSpacing { get; set; } = TimeSpan.FromMilliseconds(200);
}
