using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentOps.Notifications;

/// <summary>
/// One channel of a project. Notifications wait in a bounded queue (the oldest are dropped and counted when it is full)
/// and are sent one at a time through the resilient HTTP client (exponential backoff with jitter). Every (alert, state)
/// change is sent at most once: its key is remembered once delivered or given up on, and a repeat is ignored.
/// </summary>
public sealed partial class NotificationChannelGrain(
    [PersistentState("channel", StorageNames.State)] IPersistentState<ChannelState> state,
    IHttpClientFactory http,
    IOptions<NotificationOptions> options,
    TextRedactor redactor,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    ILogger<NotificationChannelGrain> logger)
    : Grain, INotificationChannelGrain
{
    /// <summary>The named HTTP client (with its resilience pipeline) that deliveries use.</summary>
    public const string HttpClientName = "agentops-notifications";

    private const int DoneKept = 5_000;
    private const int RecentKept = 50;

    private IGrainTimer? _pump;

    private string Project => GrainKeys.Parse(this.GetPrimaryKeyString()).Project;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Queue.Count > 0)
        {
            StartPump();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<ChannelStatus> ConfigureAsync(ChannelConfig config)
    {
        state.State.Config = config with { UpdatedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        return Status(state.State.Config);
    }

    public Task<ChannelStatus?> GetStatusAsync() =>
        Task.FromResult(state.State.Config is { } config ? Status(config) : null);

    public Task<bool> ExistsAsync() => Task.FromResult(state.State.Config is not null);

    public async Task<bool> RemoveAsync()
    {
        if (state.State.Config is null)
        {
            return false;
        }

        await state.ClearStateAsync();
        state.State = new ChannelState();
        return true;
    }

    public async Task EnqueueAsync(AlertView alert)
    {
        var key = KeyOf(alert);
        if (state.State.Config is null || state.State.Done.Contains(key) || state.State.Queue.Any(q => KeyOf(q) == key))
        {
            return;
        }

        state.State.Queue.Add(alert);
        if (state.State.Queue.Count > options.Value.QueueCapacity)
        {
            var dropped = state.State.Queue[0];
            state.State.Queue.RemoveAt(0);
            state.State.Dropped++;
            Finish(dropped, "dropped", 0, null, "the channel's queue was full");
            LogDropped(Project, state.State.Config.Name, dropped.AlertId);
        }

        await state.WriteStateAsync();
        StartPump();
    }

    private void StartPump() =>
        _pump ??= this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (state.State.Queue.Count > 0 && state.State.Config is { } config)
            {
                var alert = state.State.Queue[0];
                await DeliverAsync(config, alert);
                state.State.Queue.Remove(alert);
                await state.WriteStateAsync(CancellationToken.None);
            }
        }
        finally
        {
            _pump?.Dispose();
            _pump = null;
        }
    }

    /// <summary>The last check before a payload leaves: nothing a detector recognises goes out (the JSON stays valid).</summary>
    private byte[] Redacted(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        var redacted = redactor.Redact(text)!;
        return ReferenceEquals(text, redacted) ? body : System.Text.Encoding.UTF8.GetBytes(redacted);
    }

    private async Task DeliverAsync(ChannelConfig config, AlertView alert)
    {
        var body = config.Type == ChannelType.Slack
            ? SlackPayload.Build(Project, alert, options.Value.ExternalUrl)
            : AlertmanagerPayload.Build(Project, config.Name, alert, options.Value.ExternalUrl);
        body = Redacted(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, config.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (config.Secret is { Length: > 0 } secret)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret, body));
        }

        var attempts = new StrongBox<int>();
        request.Options.Set(AttemptCountingHandler.Attempts, attempts);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                state.State.Delivered++;
                Finish(alert, "delivered", attempts.Value, (int)response.StatusCode, null);
            }
            else
            {
                state.State.Failed++;
                Finish(alert, "failed", attempts.Value, (int)response.StatusCode, $"the receiver answered {(int)response.StatusCode}");
                LogFailed(Project, config.Name, alert.AlertId, (int)response.StatusCode, attempts.Value);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            state.State.Failed++;
            Finish(alert, "failed", attempts.Value, null, ex.Message);
            LogFailed(Project, config.Name, alert.AlertId, null, attempts.Value);
        }
    }

    private void Finish(AlertView alert, string outcome, int attempts, int? httpStatus, string? error)
    {
        state.State.Done.Add(KeyOf(alert));
        if (state.State.Done.Count > DoneKept)
        {
            state.State.Done.RemoveRange(0, state.State.Done.Count - DoneKept);
        }

        state.State.Recent.Insert(0, new DeliveryRecord(alert.AlertId, alert.State, outcome, attempts, httpStatus, error, time.GetUtcNow()));
        if (state.State.Recent.Count > RecentKept)
        {
            state.State.Recent.RemoveAt(state.State.Recent.Count - 1);
        }
    }

    private ChannelStatus Status(ChannelConfig config) => new()
    {
        Name = config.Name,
        Type = config.Type,
        Url = config.Url,
        HasSecret = config.Secret is { Length: > 0 },
        Queued = state.State.Queue.Count,
        Delivered = state.State.Delivered,
        Failed = state.State.Failed,
        Dropped = state.State.Dropped,
        Recent = state.State.Recent.ToList(),
    };

    private static string KeyOf(AlertView alert) => $"{alert.AlertId}:{alert.State}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {Project}: channel {Channel} could not deliver alert {AlertId} (HTTP {Status}) after {Attempts} attempts")]
    private partial void LogFailed(string project, string channel, string alertId, int? status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {Project}: channel {Channel} dropped alert {AlertId}: its queue was full")]
    private partial void LogDropped(string project, string channel, string alertId);
}
