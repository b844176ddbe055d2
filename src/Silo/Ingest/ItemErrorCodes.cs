namespace AgentOps.Silo.Ingest;

/// <summary>The stable codes of per-event errors.</summary>
public static class ItemErrorCodes
{
    public const string MissingField = "missing_field";
    public const string InvalidType = "invalid_type";
    public const string InvalidValue = "invalid_value";
    public const string InvalidId = "invalid_id";
    public const string UnknownType = "unknown_type";
    public const string TooOld = "too_old";
    public const string InFuture = "in_future";
    public const string TooManyAttributes = "too_many_attributes";
    public const string TooLong = "too_long";
}
