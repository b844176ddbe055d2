using System.Text.Json;
using System.Text.Json.Serialization;
using AgentOps.Policy;
using AgentOps.Rules;
using AgentOps.Settings;
using AgentOps.Silo.Api.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace AgentOps.Silo.Api;

/// <summary>Source-generated JSON for every request and response of the HTTP API (camelCase, no reflection, bounded depth).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(UtcTimestampConverter)], MaxDepth = MaxDepth)]
[JsonSerializable(typeof(IngestRequestDocument))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(EntityStateResponse))]
[JsonSerializable(typeof(EntityListResponse))]
[JsonSerializable(typeof(RunResponse))]
[JsonSerializable(typeof(StepResponse))]
[JsonSerializable(typeof(RunListResponse))]
[JsonSerializable(typeof(PolicyDocument))]
[JsonSerializable(typeof(ViolationListResponse))]
[JsonSerializable(typeof(RuleDocument))]
[JsonSerializable(typeof(RuleListResponse))]
[JsonSerializable(typeof(AlertResponse))]
[JsonSerializable(typeof(AlertListResponse))]
[JsonSerializable(typeof(AckRequest))]
[JsonSerializable(typeof(SilenceDocument))]
[JsonSerializable(typeof(SilenceListResponse))]
[JsonSerializable(typeof(ChannelDocument))]
[JsonSerializable(typeof(ChannelResponse))]
[JsonSerializable(typeof(ChannelListResponse))]
[JsonSerializable(typeof(GuardBody))]
[JsonSerializable(typeof(GuardResponse))]
[JsonSerializable(typeof(TrajectorySettings))]
[JsonSerializable(typeof(TrajectorySettingsDocument))]
[JsonSerializable(typeof(KeyRequest))]
[JsonSerializable(typeof(RotateKeyRequest))]
[JsonSerializable(typeof(CreatedKeyResponse))]
[JsonSerializable(typeof(KeyListResponse))]
[JsonSerializable(typeof(AuditListResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class AgentOpsJsonContext : JsonSerializerContext
{
    /// <summary>Deepest nesting of a request body: the documents are at most 4 levels deep, so deeper is an attack, not data.</summary>
    public const int MaxDepth = 16;
}
