using System.Text.Json.Serialization;

namespace AgentOps.Client.Events;

/// <summary>What a tool call does to its target (field <c>action</c>); the autonomy policy judges writes and executions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToolAction>))]
public enum ToolAction
{
    /// <summary>Anything else (<c>other</c>, the server's default).</summary>
    [JsonStringEnumMemberName("other")]
    Other,

    /// <summary>Reads a resource (<c>read</c>).</summary>
    [JsonStringEnumMemberName("read")]
    Read,

    /// <summary>Changes a resource (<c>write</c>).</summary>
    [JsonStringEnumMemberName("write")]
    Write,

    /// <summary>Runs something (<c>execute</c>).</summary>
    [JsonStringEnumMemberName("execute")]
    Execute,
}
