namespace AgentOps.Silo.Otlp;

/// <summary>The stable problem codes of <c>POST /v1/traces</c> beyond those of <see cref="Api.ProblemCodes"/>.</summary>
public static class OtlpProblemCodes
{
    /// <summary>The body is not a readable OTLP <c>ExportTraceServiceRequest</c> (protobuf or JSON).</summary>
    public const string InvalidOtlp = "invalid_otlp";

    /// <summary>The gzip body could not be decompressed.</summary>
    public const string InvalidEncoding = "invalid_encoding";

    /// <summary>A <c>Content-Encoding</c> other than <c>gzip</c> or <c>identity</c>.</summary>
    public const string UnsupportedEncoding = "unsupported_content_encoding";
}
