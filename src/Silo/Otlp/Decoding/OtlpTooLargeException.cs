namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>An export too large to decode: it would become more objects than one request may (answered with 413).</summary>
public sealed class OtlpTooLargeException(string message) : Exception(message);
