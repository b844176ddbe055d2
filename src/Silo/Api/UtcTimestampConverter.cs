using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Silo.Api;

/// <summary>Writes times as RFC 3339 UTC strings ending in <c>Z</c>, as API.md asks; reads any RFC 3339 offset.</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
