namespace AgentOps.Dashboard.Services;

/// <summary>
/// Who is acting in this circuit (acknowledging, silencing), as typed the first time and offered again afterwards.
/// Sign-in (a later issue) fills it from the signed-in person instead.
/// </summary>
public sealed class OperatorName
{
    public string? Name { get; set; }
}
