using System.ComponentModel.DataAnnotations;

namespace AgentOps.Ingest;

/// <summary>How events are partitioned, de-duplicated and fanned out (configuration section <c>AgentOps:Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "AgentOps:Ingest";

    /// <summary>
    /// Partitions per project; an agent always maps to the same one. Changing it re-maps agents. Four keep two cores
    /// busy and cut storage transactions (a request is split into one queue message and journal entry per partition).
    /// </summary>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 4;

    /// <summary>How long a partition gathers events before it fans them out (one message per grain per flush).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a seen event id is remembered for de-duplication.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DedupeHorizon { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most event ids a partition remembers; the horizon shortens when more arrive.</summary>
    [Range(1_000, 100_000_000)]
    public int DedupeMaxIdsPerPartition { get; set; } = 2_000_000;

    /// <summary>Shards of the per-project trajectory store (runs are spread by id hash).</summary>
    [Range(1, 4096)]
    public int TrajectoryShards { get; set; } = 64;

    /// <summary>Shards of each per-project entity directory (agents, routes, users).</summary>
    [Range(1, 4096)]
    public int DirectoryShards { get; set; } = 16;

    /// <summary>Step content (input, output) beyond this many characters is truncated with a marker before it is stored.</summary>
    [Range(256, 1_048_576)]
    public int MaxStepContentChars { get; set; } = 32 * 1024;

    /// <summary>
    /// How often an entity grain with unsaved changes writes its state. Storage writes grow with active grains over
    /// this interval, not with events (6,050 active grains every 2 minutes: ~5 writes per 1,000 events at 10,000 events/s);
    /// the journal keeps what a grain has not yet written, so longer costs only replay after a crash.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(2);
}
