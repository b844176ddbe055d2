using System.Buffers;

namespace AgentOps.LoadGenerator;

/// <summary>A stream of request bodies for one sender.</summary>
public interface IWorkload
{
    string ContentType { get; }

    string Path { get; }

    /// <summary>Events one request makes (OTLP: the events its spans map to).</summary>
    int EventsPerRequest { get; }

    void WriteBatch(IBufferWriter<byte> output, DateTimeOffset now);
}
