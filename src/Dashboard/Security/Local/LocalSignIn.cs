namespace AgentOps.Dashboard.Security.Local;

/// <summary>What a local sign-in attempt came to.</summary>
public enum SignInOutcome
{
    SignedIn,
    /// <summary>Wrong name or password (the answer never says which).</summary>
    Refused,
    /// <summary>Too many failures in a row for this name: refused for a while, even with the right password.</summary>
    LockedOut,
}

/// <summary>The outcome of a sign-in attempt, with the user when it succeeded.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, LocalUser? User = null);

/// <summary>
/// Checks a user name and password against the local users: an unknown name costs the same time as a wrong password,
/// and every name tried counts towards its lockout, so neither the answer nor its timing tells which names exist.
/// </summary>
public sealed partial class LocalSignIn(LocalUserDirectory users, SignInThrottle throttle, ILogger<LocalSignIn> logger)
{
    /// <summary>Longer input is refused without hashing it (PBKDF2 over megabytes would be a cheap denial of service).</summary>
    public const int MaxInputLength = 1_024;

    public SignInAttempt Attempt(string? name, string? password)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > MaxInputLength || password.Length > MaxInputLength)
        {
            return new SignInAttempt(SignInOutcome.Refused);
        }

        if (throttle.LockedOutFor(name) is not null)
        {
            LogLockedOut(logger, Known(name));
            return new SignInAttempt(SignInOutcome.LockedOut);
        }

        var user = users.Find(name);
        if (user is null)
        {
            PasswordHashing.VerifyDecoy(password);
        }
        else if (PasswordHashing.Verify(user.PasswordHash, password))
        {
            throttle.RecordSuccess(name);
            LogSignedIn(logger, user.Name);
            return new SignInAttempt(SignInOutcome.SignedIn, user);
        }

        throttle.RecordFailure(name);
        LogRefused(logger, Known(name));
        return new SignInAttempt(SignInOutcome.Refused);
    }

    /// <summary>The name for the log when it is a user's; an unknown one may be a password typed in the wrong field.</summary>
    private string Known(string name) => users.Find(name)?.Name ?? "(not a user)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard sign-in of '{Name}'.")]
    private static partial void LogSignedIn(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused for user name '{Name}'.")]
    private static partial void LogRefused(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused for user name '{Name}': locked out after repeated failures.")]
    private static partial void LogLockedOut(ILogger logger, string name);
}
