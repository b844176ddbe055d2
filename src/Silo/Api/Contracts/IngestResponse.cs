using AgentOps.Silo.Ingest;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>The answer to <c>POST /v1/events</c>.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<ItemError> Errors);
