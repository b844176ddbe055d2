using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using AgentOps.Alerts;

namespace AgentOps.Notifications;

/// <summary>
/// The body of a webhook notification in the shape of Alertmanager's webhook (version "4"), so existing receivers
/// (incident tools, chat bridges) take it as they are.
/// </summary>
public static class AlertmanagerPayload
{
    private static readonly DateTimeOffset NotEnded = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Build(string project, string receiver, AlertView alert, Uri? externalUrl)
    {
        var status = alert.State == AlertState.Resolved ? "resolved" : "firing";
        var labels = new SortedDictionary<string, string>(alert.Labels.ToDictionary(), StringComparer.Ordinal) { ["project"] = project };
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "4");
            json.WriteString("groupKey", $"{{}}:{{alertname=\"{alert.RuleId}\", entityId=\"{alert.EntityId}\"}}");
            json.WriteNumber("truncatedAlerts", 0);
            json.WriteString("status", status);
            json.WriteString("receiver", receiver);
            WriteMap(json, "groupLabels", new Dictionary<string, string> { ["alertname"] = alert.RuleId });
            WriteMap(json, "commonLabels", labels);
            WriteMap(json, "commonAnnotations", Annotations(alert));
            json.WriteString("externalURL", externalUrl?.ToString() ?? string.Empty);
            json.WriteStartArray("alerts");
            json.WriteStartObject();
            json.WriteString("status", status);
            WriteMap(json, "labels", labels);
            WriteMap(json, "annotations", Annotations(alert));
            json.WriteString("startsAt", alert.StartsAt.UtcDateTime);
            json.WriteString("endsAt", (alert.ResolvedAt ?? NotEnded).UtcDateTime);
            json.WriteString("generatorURL", externalUrl is null ? string.Empty : new Uri(externalUrl, $"alerts/{alert.AlertId}").ToString());
            json.WriteString("fingerprint", Fingerprint(labels));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A stable id of the alert's label set, as Alertmanager gives (16 hex digits).</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> labels)
    {
        var text = string.Join('\u0001', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}\u0000{l.Value}"));
        return Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text)));
    }

    private static Dictionary<string, string> Annotations(AlertView alert)
    {
        var annotations = new Dictionary<string, string>
        {
            ["summary"] = alert.Summary,
            ["value"] = alert.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["threshold"] = alert.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["alertId"] = alert.AlertId,
        };
        if (alert.AcknowledgedBy is { } by)
        {
            annotations["acknowledgedBy"] = by;
        }

        return annotations;
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }
}
