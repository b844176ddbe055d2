namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>The two OTLP/HTTP encodings; a response uses the encoding of its request.</summary>
public enum OtlpEncoding
{
    /// <summary><c>application/x-protobuf</c>: binary protobuf.</summary>
    Protobuf,

    /// <summary><c>application/json</c>: the OTLP/JSON mapping.</summary>
    Json,
}
