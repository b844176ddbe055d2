using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Silo.Api;

/// <summary>
/// Writes times as RFC 3339 UTC strings ending in <c>Z</c>, as API.md asks; reads any RFC 3339 offset. A value that is
/// not a time is a <see cref="JsonException"/>, which the API answers with a 400 naming the member.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new JsonException("Expected an RFC 3339 time such as \"2026-11-27T22:00:00Z\".");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
