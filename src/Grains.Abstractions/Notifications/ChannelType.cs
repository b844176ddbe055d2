namespace AgentOps.Notifications;

/// <summary>How a channel delivers notifications.</summary>
[GenerateSerializer]
public enum ChannelType : byte
{
    /// <summary>POST of an Alertmanager (version 4) webhook body, HMAC-signed when a secret is set.</summary>
    Webhook,
    /// <summary>POST of a Slack incoming-webhook message.</summary>
    Slack,
}
