using System.Text.Json.Serialization;

namespace AgentOps.Client.Events;

/// <summary>How a model or tool call ended (field <c>status</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallStatus>))]
public enum CallStatus
{
    /// <summary>The call succeeded (<c>ok</c>).</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The call failed (<c>error</c>).</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Tool calls only: the agent's own sandbox blocked the call (<c>denied</c>).</summary>
    [JsonStringEnumMemberName("denied")]
    Denied,
}
