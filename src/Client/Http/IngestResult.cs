namespace AgentOps.Client.Http;

/// <summary>The body of a 202 or 207 answer to <c>POST /v1/events</c>.</summary>
/// <param name="Accepted">Events stored by this request.</param>
/// <param name="Duplicates">Events whose id the server already had (a no-op).</param>
/// <param name="Errors">The rejected events (207 only).</param>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<IngestItemError>? Errors);

/// <summary>Why one event of a batch was rejected (a 207's <c>errors[]</c>).</summary>
/// <param name="Index">The event's position in the request.</param>
/// <param name="Id">The event's id, when it had one.</param>
/// <param name="Code">A stable error code, for example <c>missing_field</c> or <c>too_old</c>.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Field">The offending field, when one is to blame.</param>
public sealed record IngestItemError(int Index, string? Id, string? Code, string? Message, string? Field);
