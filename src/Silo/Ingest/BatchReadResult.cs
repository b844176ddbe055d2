namespace AgentOps.Silo.Ingest;

/// <summary>What the batch reader found: the drafts, or why the body is not a readable batch.</summary>
public sealed record BatchReadResult(IReadOnlyList<EventDraft> Drafts, BatchReadFailure? Failure)
{
    public static BatchReadResult Fail(BatchReadFailureKind kind, string message) => new([], new BatchReadFailure(kind, message));
}

/// <summary>A batch-level reading failure (nothing of the batch is accepted).</summary>
public sealed record BatchReadFailure(BatchReadFailureKind Kind, string Message);

public enum BatchReadFailureKind
{
    /// <summary>The body is not well-formed JSON.</summary>
    InvalidJson,
    /// <summary>Well-formed, but not an array of events nor an object with <c>events</c>.</summary>
    NotABatch,
    /// <summary>More events than a request may carry.</summary>
    TooManyEvents,
}
