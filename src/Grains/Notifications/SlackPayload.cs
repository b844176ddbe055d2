using System.Text.Json;
using AgentOps.Alerts;
using AgentOps.Rules;

namespace AgentOps.Notifications;

/// <summary>The body of a Slack incoming-webhook message for an alert.</summary>
public static class SlackPayload
{
    public static byte[] Build(string project, AlertView alert, Uri? externalUrl)
    {
        var resolved = alert.State == AlertState.Resolved;
        var headline = $"{(resolved ? "RESOLVED" : "FIRING")} [{alert.Severity.ToString().ToLowerInvariant()}] {alert.RuleId} on {alert.Scope.ToString().ToLowerInvariant()} {alert.EntityId} ({project})";
        var link = externalUrl is null ? null : new Uri(externalUrl, $"alerts/{alert.AlertId}").ToString();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", link is null ? $"{headline}\n{alert.Summary}" : $"{headline}\n{alert.Summary}\n<{link}|Open in AgentOps>");
            json.WriteStartArray("attachments");
            json.WriteStartObject();
            json.WriteString("color", resolved ? "#2e7d32" : alert.Severity == AlertSeverity.Critical ? "#c62828" : "#f9a825");
            json.WriteString("title", headline);
            json.WriteString("text", alert.Summary);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
