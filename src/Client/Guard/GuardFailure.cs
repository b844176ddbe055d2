namespace AgentOps.Client.Guard;

/// <summary>Why the server did not decide a guard check.</summary>
public enum GuardFailure
{
    /// <summary>It did decide.</summary>
    None,

    /// <summary>No answer within the guard timeout.</summary>
    Timeout,

    /// <summary>The server could not be reached (connection refused, reset, DNS).</summary>
    NetworkError,

    /// <summary>The server answered with a status other than 200 (for example 401, 403, 404, 429 or 5xx).</summary>
    HttpError,

    /// <summary>The server's answer was not a guard decision.</summary>
    InvalidResponse,
}
