using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentOps.Deploy.Tests;

/// <summary>
/// Read access to a compiled ARM template (languageVersion 2.0: resources keyed by symbolic name; each Bicep
/// module is a nested deployment whose template is inline).
/// </summary>
internal sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public IEnumerable<KeyValuePair<string, JsonObject>> Resources =>
        Root["resources"] switch
        {
            JsonObject byName => byName.Select(p => KeyValuePair.Create(p.Key, p.Value!.AsObject())),
            JsonArray list => list.Select((r, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject())),
            _ => [],
        };

    public JsonObject Resource(string symbolicName) =>
        Resources.Single(r => r.Key == symbolicName).Value;

    /// <summary>The resources of one type that this template deploys (not the <c>existing</c> references).</summary>
    public IReadOnlyList<JsonObject> Deployed(string type) =>
        [.. Resources.Select(r => r.Value).Where(r => Is(r, type) && r["existing"]?.GetValue<bool>() != true)];

    public JsonObject Single(string type) => Assert.Single(Deployed(type));

    /// <summary>The template of a module (a nested deployment) by its symbolic name in this template.</summary>
    public ArmTemplate Module(string symbolicName) =>
        new(Resource(symbolicName)["properties"]!["template"]!.AsObject());

    /// <summary>What main.bicep passes to a module parameter (an expression string or a literal).</summary>
    public JsonNode? ModuleParameter(string module, string parameter) =>
        Resource(module)["properties"]!["parameters"]![parameter]?["value"];

    /// <summary>A literal, or the value of a <c>[variables('x')]</c> expression.</summary>
    public JsonNode? Resolve(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out string? text) && VariableReference().Match(text) is { Success: true } m
            ? Root["variables"]![m.Groups[1].Value]
            : value;

    public int ResolveInt(JsonNode? value) => Resolve(value)!.GetValue<int>();

    private static bool Is(JsonObject resource, string type) =>
        string.Equals(resource["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
