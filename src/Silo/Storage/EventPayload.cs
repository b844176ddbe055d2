using System.IO.Compression;
using AgentOps.Events;
using Orleans.Serialization;

namespace AgentOps.Silo.Storage;

/// <summary>Events stored outside grain state (journal rows, claim-checked chunks): Orleans-serialized, then Brotli-compressed.</summary>
public static class EventPayload
{
    public static byte[] Write(Serializer serializer, IReadOnlyList<AgentEvent> events)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(serializer.SerializeToArray(events.ToList()));
        }

        return output.ToArray();
    }

    public static List<AgentEvent> Read(Serializer serializer, byte[] payload)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(payload), CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }

        return serializer.Deserialize<List<AgentEvent>>(output.ToArray()) ?? [];
    }
}
