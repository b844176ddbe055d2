using System.Net;

namespace AgentOps.Client.Http;

/// <summary>What the server answered to one <c>POST /v1/events</c>.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Result">The parsed body of a 202 or 207 (null for other statuses or an unreadable body).</param>
/// <param name="RetryAfter">The <c>Retry-After</c> delay of a 429 or 503, when the server sent one.</param>
/// <param name="ErrorBody">The start of the body of a non-2xx answer (for logs), at most 1,000 characters.</param>
public sealed record IngestResponse(HttpStatusCode StatusCode, IngestResult? Result, TimeSpan? RetryAfter, string? ErrorBody)
{
    /// <summary>True for a 2xx: every event of the request is now accepted, a duplicate, or listed in <see cref="IngestResult.Errors"/>.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}
