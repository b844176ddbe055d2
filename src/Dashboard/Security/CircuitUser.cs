using Microsoft.AspNetCore.Components.Authorization;

namespace AgentOps.Dashboard.Security;

/// <summary>
/// The signed-in person of a Blazor circuit, from the authentication state the circuit was started with (the cookie of
/// the request that opened the page). A circuit never starts without sign-in: the <c>_blazor</c> endpoints require it.
/// </summary>
public sealed class CircuitUser : ICurrentUser, IDisposable
{
    private readonly AuthenticationStateProvider _provider;

    public CircuitUser(AuthenticationStateProvider provider)
    {
        _provider = provider;
        // On the server the state is set before any component (and so this service) is created: the task is complete.
        var state = provider.GetAuthenticationStateAsync();
        User = state.IsCompletedSuccessfully ? DashboardClaims.ToUser(state.Result.User) : DashboardUser.Anonymous;
        provider.AuthenticationStateChanged += OnChanged;
    }

    public DashboardUser User { get; private set; }

    public event Action? Changed;

    public void Dispose() => _provider.AuthenticationStateChanged -= OnChanged;

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            User = DashboardClaims.ToUser((await state).User);
        }
        catch (Exception)
        {
            // A failed revalidation leaves nobody signed in rather than the previous person.
            User = DashboardUser.Anonymous;
        }

        Changed?.Invoke();
    }
}
