namespace AgentOps.Silo.Ingest;

/// <summary>The answer to an ingest request (API.md: <c>{ accepted, duplicates, errors }</c>).</summary>
public sealed record IngestOutcome(int Accepted, int Duplicates, IReadOnlyList<ItemError> Errors);
