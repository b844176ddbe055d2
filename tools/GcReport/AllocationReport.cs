using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace AgentOps.GcReport;

/// <summary>
/// The runtime samples an allocation tick about every 100 KB allocated; summing them by type shows where allocation
/// (hence gen0 collections) comes from, and the stacks of one type show who allocates it.
/// </summary>
public static class AllocationReport
{
    private const int TypesShown = 25;
    private const int StacksShown = 6;
    private const int FramesShown = 14;

    public static void Print(string tracePath, string? stacksOfType, TextWriter output)
    {
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byStack = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        using var log = TraceLog.OpenOrConvert(TraceLog.CreateFromEventPipeDataFile(tracePath));
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var type = tick.TypeName ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + tick.AllocationAmount64;
            total += tick.AllocationAmount64;
            if (stacksOfType is not null && type.Contains(stacksOfType, StringComparison.Ordinal))
            {
                var stack = Stack(tick);
                byStack[stack] = byStack.GetValueOrDefault(stack) + tick.AllocationAmount64;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampled allocations: {total / 1e6:F1} MB"));
        foreach (var (type, bytes) in byType.OrderByDescending(t => t.Value).Take(TypesShown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes * 100.0 / total,6:F1}%  {bytes / 1e6,9:F1} MB  {type}"));
        }

        foreach (var (stack, bytes) in byStack.OrderByDescending(s => s.Value).Take(StacksShown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n{bytes / 1e6:F1} MB\n      {stack}"));
        }
    }

    private static string Stack(GCAllocationTickTraceData tick)
    {
        var frames = new List<string>();
        for (var frame = tick.CallStack(); frame is not null && frames.Count < FramesShown; frame = frame.Caller)
        {
            if (frame.CodeAddress.FullMethodName is { Length: > 0 } method)
            {
                frames.Add(method);
            }
        }

        return string.Join("\n      <- ", frames);
    }
}
