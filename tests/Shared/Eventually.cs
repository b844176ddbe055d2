namespace AgentOps.Tests;

/// <summary>
/// Waits for an eventually consistent result: retries an assertion until it passes or the timeout (generous, for
/// noisy machines) expires, then fails with the last assertion's message. It asserts outcomes, never speed.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task AssertAsync(Func<Task> assertion, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    public static Task AssertAsync(Action assertion, TimeSpan? timeout = null) =>
        AssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, timeout);
}
