using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using AgentOps.Ingest;
using AgentOps.Monitoring;
using AgentOps.Pricing;
using AgentOps.Redaction;
using AgentOps.Silo.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentOps.LoadGenerator;

/// <summary>
/// The in-process baseline: the same payloads parsed and validated by the silo's own reader and validator and
/// aggregated per agent, route and user with the same model, one thread per core, with no HTTP and no Orleans.
/// It is the ceiling the pipeline is compared against.
/// </summary>
public sealed class Baseline(LoadOptions options)
{
    public int Run()
    {
        var threads = Environment.ProcessorCount;
        var batchesPerThread = options.BaselineEvents / options.Batch / threads;
        var prices = new PriceTable(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "model-prices.json")).Build()
            .GetSection(PricingOptions.Section).Get<PricingOptions>()!);
        var redaction = Options.Create(new RedactionOptions { Enabled = options.Redaction });
        var redactor = new EventRedactor(new TextRedactor(redaction), redaction);
        var pseudonyms = new IdentifierPseudonyms(redactor.Text, redaction);
        var payloads = Enumerable.Range(0, threads).Select(t =>
        {
            var workload = new Workload(options, t);
            return Enumerable.Range(0, batchesPerThread).Select(_ =>
            {
                var buffer = new ArrayBufferWriter<byte>(200 * options.Batch);
                workload.WriteBatch(buffer, DateTimeOffset.UtcNow);
                return buffer.WrittenMemory.ToArray();
            }).ToList();
        }).ToList();

        Console.WriteLine($"baseline: redaction {(options.Redaction ? "on" : "off")}, {threads} threads x {batchesPerThread} batches of {options.Batch} events (parse, validate, aggregate per agent, route and user)");
        var clock = Stopwatch.StartNew();
        var counted = new long[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var validator = new EventValidator(prices, Options.Create(new IngestOptions()), redactor, pseudonyms);
            var monitors = new Dictionary<string, EntityMonitor>(StringComparer.Ordinal);
            foreach (var payload in payloads[t])
            {
                var batch = EventBatchReader.Read(payload, EventLimits.MaxEventsPerRequest);
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < batch.Drafts.Count; i++)
                {
                    var (e, _) = validator.Validate(batch.Drafts[i], i, now);
                    if (e is null)
                    {
                        continue;
                    }

                    Monitor(monitors, "a/" + e.AgentId).Apply(e, now);
                    Monitor(monitors, "r/" + e.RouteId).Apply(e, now);
                    Monitor(monitors, "u/" + e.UserId).Apply(e, now);
                    counted[t]++;
                }
            }
        });
        var elapsed = clock.Elapsed;
        var total = counted.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline events/s : {total / elapsed.TotalSeconds:0}  ({total} events in {elapsed.TotalSeconds:0.00} s)"));
        return 0;
    }

    private static EntityMonitor Monitor(Dictionary<string, EntityMonitor> monitors, string key)
    {
        if (!monitors.TryGetValue(key, out var monitor))
        {
            monitor = new EntityMonitor();
            monitors[key] = monitor;
        }

        return monitor;
    }
}
