using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Client.Http;

/// <summary>Source-generated JSON metadata for every type the client reads or writes (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventBatchBody))]
[JsonSerializable(typeof(IngestResult))]
[JsonSerializable(typeof(GuardRequestBody))]
[JsonSerializable(typeof(GuardResponseBody))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
