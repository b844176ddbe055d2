namespace AgentOps.Silo.Api;

/// <summary>The stable codes of problem responses (the <c>code</c> member and the end of <c>type</c>).</summary>
public static class ProblemCodes
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidBatch = "invalid_batch";
    public const string PayloadTooLarge = "payload_too_large";
    public const string TooManyEvents = "too_many_events";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Unauthorized = "unauthorized";
    public const string InvalidKey = "invalid_key";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string InvalidId = "invalid_id";
    public const string InvalidWindow = "invalid_window";
    public const string InvalidLimit = "invalid_limit";
    public const string InvalidCursor = "invalid_cursor";
    public const string InvalidPolicy = "invalid_policy";
    public const string InvalidRule = "invalid_rule";
    public const string InvalidSilence = "invalid_silence";
    public const string InvalidChannel = "invalid_channel";
    public const string InvalidAck = "invalid_ack";
    public const string InvalidFilter = "invalid_filter";
    public const string InvalidGuard = "invalid_guard";
    public const string InvalidSettings = "invalid_settings";
    public const string StepsNotKept = "steps_not_kept";
    public const string InvalidKeyRequest = "invalid_key_request";
    public const string TooManyKeys = "too_many_keys";
    public const string KeyConfigured = "key_configured";
    public const string KeyRotated = "key_rotated";
    public const string InvalidAuditQuery = "invalid_audit_query";
    public const string RateLimited = "rate_limited";
    public const string ForbiddenTarget = "forbidden_target";
    public const string Overloaded = "overloaded";
    public const string StorageUnavailable = "storage_unavailable";
    public const string InternalError = "internal_error";
    public const string BadRequest = "bad_request";
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>The code of a problem the framework raised itself (routing, content negotiation, unhandled errors).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => Overloaded,
        503 => StorageUnavailable,
        _ => InternalError,
    };
}
