using System.Globalization;
using Microsoft.Diagnostics.Tracing;

namespace AgentOps.GcReport;

/// <summary>
/// One line per collection: its generation, how long the runtime was suspended, the bytes it promoted, and the bytes
/// and time of each mark phase by root kind ("older" is marking through cards: old objects that point at young ones).
/// A gen0 pause grows with what it promotes, so this says what a latency tail made of pauses would need.
/// </summary>
public static class PauseReport
{
    private static readonly string[] RootKinds = ["stack", "finalizer", "handles", "older", "sizedref", "overflow", "dependent", "new-finalizer", "steal", "background"];

    public static void Print(string tracePath, TextWriter output)
    {
        using var source = new EventPipeEventSource(tracePath);
        var pauses = new List<(int Generation, double Ms, long Promoted)>();
        var marks = new SortedDictionary<int, (long Bytes, double Ms)>();
        double suspendedAt = 0, lastMarkAt = 0;
        var generation = -1;
        long count = 0, promoted = 0;

        source.Clr.GCSuspendEEStart += e => suspendedAt = e.TimeStampRelativeMSec;
        source.Clr.GCStart += e =>
        {
            (generation, count, lastMarkAt) = (e.Depth, e.Count, e.TimeStampRelativeMSec);
            marks.Clear();
        };
        source.Clr.GCMarkWithType += e =>
        {
            var (bytes, ms) = marks.GetValueOrDefault(e.Type);
            marks[e.Type] = (bytes + e.Promoted, ms + (e.TimeStampRelativeMSec - lastMarkAt));
            lastMarkAt = e.TimeStampRelativeMSec;
        };
        source.Clr.GCHeapStats += e => promoted = generation == 0 ? e.TotalPromotedSize0 : e.TotalPromotedSize0 + e.TotalPromotedSize1;
        source.Clr.GCRestartEEStop += e =>
        {
            if (generation < 0)
            {
                return; // a suspension that was not for a collection
            }

            var pause = e.TimeStampRelativeMSec - suspendedAt;
            pauses.Add((generation, pause, promoted));
            var phases = string.Join("  ", marks.Where(m => m.Value.Bytes > 0 || m.Value.Ms >= 0.5)
                .Select(m => $"{Kind(m.Key)} {Mb(m.Value.Bytes)} MB/{m.Value.Ms:F1} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gc #{count,-5} gen{generation}  pause {pause,6:F1} ms  promoted {Mb(promoted),6} MB  mark: {phases}  after marking {e.TimeStampRelativeMSec - lastMarkAt:F1} ms"));
            generation = -1;
        };
        source.Process();

        var seconds = source.SessionDuration.TotalSeconds;
        output.WriteLine();
        foreach (var byGeneration in pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gen{byGeneration.Key}: {byGeneration.Count()} collections, pause mean {byGeneration.Average(p => p.Ms):F1} ms, max {byGeneration.Max(p => p.Ms):F1} ms, promoted mean {Mb((long)byGeneration.Average(p => p.Promoted))} MB"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paused {pauses.Sum(p => p.Ms):F0} ms of {seconds:F1} s ({pauses.Sum(p => p.Ms) / (seconds * 10):F2}% of the time)"));
    }

    private static string Kind(int type) => type < RootKinds.Length ? RootKinds[type] : type.ToString(CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture);
}
