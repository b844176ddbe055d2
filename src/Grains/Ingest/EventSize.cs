using System.Text;
using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>An upper estimate of an event's serialized size, to cut chunks that fit a queue message.</summary>
public static class EventSize
{
    private const int FixedBytes = 96;

    public static int Estimate(AgentEvent e)
    {
        var bytes = FixedBytes + Bytes(e.Id) + Bytes(e.AgentId) + Bytes(e.RunId) + Bytes(e.RouteId) + Bytes(e.UserId) + Bytes(e.AgentVersion)
            + Bytes(e.Model) + Bytes(e.ErrorType) + Bytes(e.Input) + Bytes(e.Output) + Bytes(e.Tool) + Bytes(e.Target)
            + Bytes(e.Rubric) + Bytes(e.Evaluator);
        if (e.Attributes is { } attributes)
        {
            foreach (var (key, value) in attributes)
            {
                bytes += Bytes(key) + Bytes(value) + 4;
            }
        }

        if (e.Violations is { } violations)
        {
            foreach (var violation in violations)
            {
                bytes += Bytes(violation) + 2;
            }
        }

        return bytes;
    }

    private static int Bytes(string? text) => text is null ? 1 : Encoding.UTF8.GetByteCount(text) + 5;
}
