namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>The body is not a readable OTLP export request (answered with 400 <c>invalid_otlp</c>).</summary>
public sealed class OtlpFormatException(string message, Exception? inner = null) : Exception(message, inner);
