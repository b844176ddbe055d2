using System.Text.Json.Serialization;
using AgentOps.Client.Http;

namespace AgentOps.Client.Events;

/// <summary>
/// One event of the AgentOps HTTP contract (API.md "Event"): the fields every event type shares. Create one of the
/// five typed events (<see cref="RunStartedEvent"/>, <see cref="LlmCallEvent"/>, <see cref="ToolCallEvent"/>,
/// <see cref="EvalEvent"/>, <see cref="RunFinishedEvent"/>) with an object initializer, or let a <see cref="Runs.RunScope"/>
/// build and stamp it.
/// </summary>
/// <remarks>
/// <see cref="Id"/> and <see cref="Timestamp"/> may be left unset: <see cref="AgentOpsClient.Track"/> fills them in
/// (a UUIDv7 string and the client's <see cref="TimeProvider"/> time). Once an event is handed to
/// <see cref="AgentOpsClient.Track"/> it belongs to the client: do not change it afterwards.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunStartedEvent), EventTypes.RunStarted)]
[JsonDerivedType(typeof(LlmCallEvent), EventTypes.LlmCall)]
[JsonDerivedType(typeof(ToolCallEvent), EventTypes.ToolCall)]
[JsonDerivedType(typeof(EvalEvent), EventTypes.Eval)]
[JsonDerivedType(typeof(RunFinishedEvent), EventTypes.RunFinished)]
public abstract class AgentOpsEvent
{
    /// <summary>Creates an event of the given wire type.</summary>
    /// <param name="type">One of the <see cref="EventTypes"/> constants.</param>
    private protected AgentOpsEvent(string type) => Type = type;

    /// <summary>The wire type (<c>run_started</c>, <c>llm_call</c>, <c>tool_call</c>, <c>eval</c> or <c>run_finished</c>), written as <c>type</c>.</summary>
    [JsonIgnore]
    public string Type { get; }

    /// <summary>The idempotency key, unique per project. Generated (UUIDv7) when left null; the server counts an id once.</summary>
    public string? Id { get; set; }

    /// <summary>When the event happened. Set from the client's <see cref="TimeProvider"/> when left null; sent as an RFC 3339 UTC string.</summary>
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The agent (required by the server; <see cref="AgentOpsClientOptions.AgentId"/> fills it when null).</summary>
    public string? AgentId { get; set; }

    /// <summary>The run the event belongs to (required by the server).</summary>
    public string? RunId { get; set; }

    /// <summary>The feature or route the run serves. Route figures are computed from the events that carry it, so set it on every event of the run.</summary>
    public string? RouteId { get; set; }

    /// <summary>The end user on whose behalf the agent acts. User figures are computed from the events that carry it, so set it on every event of the run.</summary>
    public string? UserId { get; set; }

    /// <summary>The prompt or agent release (<see cref="AgentOpsClientOptions.AgentVersion"/> fills it when null).</summary>
    public string? AgentVersion { get; set; }

    /// <summary>Free-form string attributes (at most 32 entries).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; set; }
}
