using System.Text.Json.Serialization;

namespace AgentOps.Client.Events;

/// <summary>How a run ended (field <c>outcome</c> of <c>run_finished</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>The run reached its goal (<c>success</c>).</summary>
    [JsonStringEnumMemberName("success")]
    Success,

    /// <summary>The run failed (<c>failure</c>).</summary>
    [JsonStringEnumMemberName("failure")]
    Failure,

    /// <summary>The run was given up without an outcome (<c>abandoned</c>).</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,
}
