using AgentOps.Dashboard.Services;
using Microsoft.AspNetCore.Components;

namespace AgentOps.Dashboard.Components;

/// <summary>
/// A page that shows grain state and is pushed changes: loads, reloads on a push (one reload at a time, a push during
/// a reload runs one more afterwards), keeps its subscriptions and disposes them with the page. A load that fails for
/// want of the cluster leaves the last figures on screen (the layout's banner says why); any other failure is shown.
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private bool _loading;
    private bool _reloadPending;
    private bool _disposed;

    /// <summary>True until the first load completed (successfully or not).</summary>
    protected bool FirstLoad { get; private set; } = true;

    /// <summary>True while a load runs.</summary>
    protected bool Loading => _loading;

    /// <summary>The last load failed because the silo could not be reached.</summary>
    protected bool Unreachable { get; private set; }

    /// <summary>The last load failed for another reason (shown to the person).</summary>
    protected string? LoadError { get; private set; }

    [Inject]
    protected ICurrentProject Project { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync();

    protected override void OnInitialized() => Project.Changed += OnProjectChanged;

    /// <summary>Loads now, or once more after the running load.</summary>
    protected async Task ReloadAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_loading)
        {
            _reloadPending = true;
            return;
        }

        _loading = true;
        try
        {
            do
            {
                _reloadPending = false;
                try
                {
                    await LoadAsync();
                    Unreachable = false;
                    LoadError = null;
                }
                catch (ClusterUnavailableException)
                {
                    Unreachable = true;
                }
                catch (Exception ex)
                {
                    LoadError = ex.Message;
                }

                FirstLoad = false;
            }
            while (_reloadPending && !_disposed);
        }
        finally
        {
            _loading = false;
        }

        if (!_disposed)
        {
            StateHasChanged();
        }
    }

    /// <summary>Asks for a reload from any thread (a grain observer's callback).</summary>
    protected void RequestReload()
    {
        if (!_disposed)
        {
            _ = InvokeAsync(ReloadAsync);
        }
    }

    /// <summary>Re-renders from any thread.</summary>
    protected void RequestRender()
    {
        if (!_disposed)
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>
    /// Keeps a subscription until <see cref="DropSubscriptionsAsync"/> or the page's disposal. A page left while it was
    /// still loading is disposed before its load subscribes: that subscription ends at once instead of renewing forever.
    /// </summary>
    protected void Track(IAsyncDisposable subscription)
    {
        if (_disposed)
        {
            _ = subscription.DisposeAsync().AsTask();
            return;
        }

        _subscriptions.Add(subscription);
    }

    /// <summary>Ends the page's subscriptions (when it starts showing something else).</summary>
    protected async Task DropSubscriptionsAsync()
    {
        var subscriptions = _subscriptions.ToList();
        _subscriptions.Clear();
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }

    /// <summary>The project changed: the page starts over.</summary>
    protected virtual Task OnProjectChangedAsync() => ReloadAsync();

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Project.Changed -= OnProjectChanged;
        await DropSubscriptionsAsync();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a page holds besides its subscriptions.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    private void OnProjectChanged() => _ = InvokeAsync(OnProjectChangedAsync);
}
