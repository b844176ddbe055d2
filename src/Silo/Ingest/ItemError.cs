namespace AgentOps.Silo.Ingest;

/// <summary>Why one event of a batch was rejected (API.md: <c>errors[]</c> of a 207).</summary>
public sealed record ItemError(int Index, string? Id, string Code, string Message, string? Field);
