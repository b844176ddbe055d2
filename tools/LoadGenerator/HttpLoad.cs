using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Drives a running silo: <see cref="LoadOptions.Concurrency"/> senders post batches (paced to <see cref="LoadOptions.Rate"/>
/// events/s when set) while the chosen probes measure latencies. With <c>--verify</c> it checks afterwards that the
/// silo counted exactly the events it acknowledged; it also reports storage transactions per 1,000 events.
/// </summary>
public sealed class HttpLoad(LoadOptions options)
{
    private readonly Percentiles _requestLatency = new();
    private readonly Dictionary<HttpStatusCode, int> _statuses = [];
    private long _accepted;
    private volatile bool _measuring;

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 16 }) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key ?? DevKey.Find());
        (await http.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        await using var rules = options.Rules == "none" ? await RuleSwitch.RemoveAllAsync(http) : null;
        var probes = CreateProbes();
        var countedBefore = options.Verify ? await Verification.CountedEventsAsync(http) : 0;
        var transactionsBefore = await StorageMeter.TransactionsAsync(http);

        Console.WriteLine($"load: {options.Mode}, {options.Batch} per request, {options.Concurrency} in flight, rate {(options.Rate == 0 ? "max" : options.Rate.ToString(CultureInfo.InvariantCulture))}, " +
            $"{options.Agents} agents / {options.Routes} routes / {options.Users} users, warmup {options.Warmup.TotalSeconds}s, measure {options.Duration.TotalSeconds}s, probes {options.Probes}");
        using var stop = new CancellationTokenSource(options.Warmup + options.Duration);
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, options.Concurrency).Select(i => SendAsync(http, CreateWorkload(i), i, clock, stop.Token)).ToList();
        var probing = probes.Select(p => p.RunAsync(http, () => _measuring, stop.Token)).ToList();

        await Task.Delay(options.Warmup);
        var acceptedAtStart = Interlocked.Read(ref _accepted);
        var transactionsAtStart = await StorageMeter.TransactionsAsync(http);
        var started = clock.Elapsed;
        _measuring = true;
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed - started;
        _measuring = false;
        var measured = Interlocked.Read(ref _accepted) - acceptedAtStart;
        var transactions = await StorageMeter.TransactionsAsync(http) - transactionsAtStart;
        await Task.WhenAll(probing);

        var unit = options.Mode == "otlp" ? "spans" : "events";
        var perSecond = measured / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted {unit}/s : {(options.Mode == "otlp" ? perSecond * 5 / 6 : perSecond):0}  ({measured} events in {elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine($"request latency   : {_requestLatency.Summary()}");
        foreach (var probe in probes)
        {
            probe.Report();
        }

        Console.WriteLine($"responses         : {string.Join(", ", _statuses.Select(s => $"{(int)s.Key}x{s.Value}"))}");
        if (transactions > 0)
        {
            var all = await StorageMeter.TransactionsAsync(http) - transactionsBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage           : {transactions * 1000.0 / Math.Max(1, measured):0.0} transactions per 1,000 events ({transactions} in the measured window; {all} in all)"));
        }

        var ok = _statuses.Keys.All(s => (int)s is 200 or 202 or 429);
        if (options.Verify)
        {
            ok &= await Verification.ReportAsync(http, countedBefore, Interlocked.Read(ref _accepted) + probes.Sum(p => p.EventsAccepted));
        }

        return ok ? 0 : 1;
    }

    private IWorkload CreateWorkload(int sender) => options.Mode == "otlp" ? new OtlpWorkload(options, sender) : new Workload(options, sender);

    private List<IProbe> CreateProbes() => options.Probes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(name => name != "none").Select(name => name switch
    {
        "state" => (IProbe)new StateProbe(),
        "alert" => new AlertProbe(),
        "guard" => new GuardProbe(options),
        "ping" => new PingProbe(options),
        _ => throw new ArgumentException($"unknown probe {name}; expected state, alert, guard, ping or none"),
    }).ToList();

    private async Task SendAsync(HttpClient http, IWorkload workload, int sender, Stopwatch clock, CancellationToken stop)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * 1024);
        var perSender = options.Rate / (double)options.Concurrency;
        var batches = 0L;
        while (!stop.IsCancellationRequested)
        {
            if (perSender > 0)
            {
                var due = TimeSpan.FromSeconds(batches * workload.EventsPerRequest / perSender) + TimeSpan.FromMilliseconds(sender * 3);
                if (due > clock.Elapsed && !await Pace.DelayAsync(due - clock.Elapsed, stop))
                {
                    break;
                }
            }

            buffer.ResetWrittenCount();
            workload.WriteBatch(buffer, DateTimeOffset.UtcNow);
            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = new MediaTypeHeaderValue(workload.ContentType);
            var started = clock.Elapsed;
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(workload.Path, content, CancellationToken.None);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"sender {sender}: {ex.Message}");
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            using (response)
            {
                var latency = (clock.Elapsed - started).TotalMilliseconds;
                batches++;
                lock (_statuses)
                {
                    _statuses[response.StatusCode] = _statuses.GetValueOrDefault(response.StatusCode) + 1;
                }

                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref _accepted, await AcceptedAsync(response));
                    if (_measuring)
                    {
                        _requestLatency.Add(latency);
                    }
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }
    }

    private static async Task<int> AcceptedAsync(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-AgentOps-Accepted-Events", out var values))
        {
            return int.Parse(values.First(), CultureInfo.InvariantCulture);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(CancellationToken.None));
        return body.RootElement.GetProperty("accepted").GetInt32();
    }
}
