using AgentOps.Audit;
using AgentOps.Dashboard.Security;

namespace AgentOps.Dashboard.Services;

/// <summary>
/// Records the signed-in person's admin and operator actions in the project's audit log, as <c>user:{name}</c>. Called
/// after the action succeeded; a failure to record is logged as an error and does not undo or hide the action.
/// </summary>
public sealed partial class AuditTrail(IAuditLog log, ICurrentUser current, TimeProvider time, ILogger<AuditTrail> logger)
{
    /// <summary>Details are short: the log is for who did what, not for the documents themselves.</summary>
    public const int MaxDetailLength = 500;

    public async Task RecordAsync(string project, string action, string target, string? detail = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = current.User.Actor,
            Action = action,
            Target = target,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] + "…" : detail,
        };
        try
        {
            await log.RecordAsync(project, entry);
        }
        catch (Exception ex)
        {
            LogNotRecorded(logger, ex, project, entry.Actor, action, target);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry not recorded in project {Project}: {Actor} {Action} {Target}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string project, string actor, string action, string target);
}
