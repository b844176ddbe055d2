namespace AgentOps.Silo.Security;

/// <summary>Who a presented key is: its project, role and id (<c>cfg-…</c> for configured keys, <c>key_…</c> for managed ones).</summary>
public sealed record KeyIdentity(string Project, string Role, string KeyId);
