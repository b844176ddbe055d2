using AgentOps.Notifications;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>A notification channel (API.md: <c>PUT /v1/channels/{name}</c>); the secret is write-only.</summary>
public sealed record ChannelDocument
{
    /// <summary>webhook or slack.</summary>
    public string? Type { get; init; }
    public string? Url { get; init; }
    public string? Secret { get; init; }
}

/// <summary>A channel and how its deliveries go.</summary>
public sealed record ChannelResponse(
    string Name, string Type, string Url, bool HasSecret, int Queued, long Delivered, long Failed, long Dropped, IReadOnlyList<DeliveryResponse> Recent)
{
    public static ChannelResponse From(ChannelStatus s) => new(
        s.Name, s.Type.ToString().ToLowerInvariant(), ChannelUrl.Display(s.Url, s.Type == ChannelType.Slack), s.HasSecret, s.Queued, s.Delivered, s.Failed, s.Dropped,
        s.Recent.Select(r => new DeliveryResponse(r.AlertId, r.State.ToString().ToLowerInvariant(), r.Outcome, r.Attempts, r.HttpStatus, r.Error, r.At)).ToList());
}

/// <summary>One delivery outcome.</summary>
public sealed record DeliveryResponse(string AlertId, string State, string Outcome, int Attempts, int? HttpStatus, string? Error, DateTimeOffset At);

/// <summary>The project's channels.</summary>
public sealed record ChannelListResponse(IReadOnlyList<ChannelResponse> Items);
