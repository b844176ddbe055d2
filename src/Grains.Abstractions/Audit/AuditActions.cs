namespace AgentOps.Audit;

/// <summary>The audited actions (API.md "Audit log").</summary>
public static class AuditActions
{
    public const string RulePut = "rule.put";
    public const string RuleDelete = "rule.delete";
    public const string PolicyPut = "policy.put";
    public const string AlertAck = "alert.ack";
    public const string SilenceCreate = "silence.create";
    public const string SilenceDelete = "silence.delete";
    public const string ChannelPut = "channel.put";
    public const string ChannelDelete = "channel.delete";
    public const string SettingsPut = "settings.put";
    public const string KeyCreate = "key.create";
    public const string KeyRotate = "key.rotate";
    public const string KeyRevoke = "key.revoke";
}
