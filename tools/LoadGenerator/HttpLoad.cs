using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Drives a running silo: <see cref="LoadOptions.Concurrency"/> senders post batches (paced to <see cref="LoadOptions.Rate"/>
/// when set) while a probe measures event-to-state latency: it posts one event, then polls the agent until the
/// event is counted, every 250 ms.
/// </summary>
public sealed class HttpLoad(LoadOptions options)
{
    private readonly Percentiles _requestLatency = new();
    private readonly Percentiles _eventToState = new();
    private readonly Dictionary<HttpStatusCode, int> _statuses = [];
    private long _accepted;
    private long _sent;
    private volatile bool _measuring;

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 2 }) { BaseAddress = options.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key ?? DefaultKey());
        (await http.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        Console.WriteLine($"load: {options.Batch} events/request, {options.Concurrency} in flight, rate {(options.Rate == 0 ? "max" : options.Rate.ToString(CultureInfo.InvariantCulture))}, " +
            $"{options.Agents} agents / {options.Routes} routes / {options.Users} users, warmup {options.Warmup.TotalSeconds}s, measure {options.Duration.TotalSeconds}s");
        using var stop = new CancellationTokenSource(options.Warmup + options.Duration);
        var clock = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, options.Concurrency).Select(i => SendAsync(http, new Workload(options, i), i, clock, stop.Token)).ToList();
        var probe = ProbeAsync(http, stop.Token);

        await Task.Delay(options.Warmup);
        var acceptedAtStart = Interlocked.Read(ref _accepted);
        var started = clock.Elapsed;
        _measuring = true;
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed - started;
        _measuring = false;
        await probe;

        var accepted = Interlocked.Read(ref _accepted) - acceptedAtStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accepted events/s : {accepted / elapsed.TotalSeconds:0}  ({accepted} events in {elapsed.TotalSeconds:0.0} s)"));
        Console.WriteLine($"request latency   : {_requestLatency.Summary()}");
        Console.WriteLine($"event-to-state    : {_eventToState.Summary()}");
        Console.WriteLine($"responses         : {string.Join(", ", _statuses.Select(s => $"{(int)s.Key}x{s.Value}"))}");
        return _statuses.Keys.All(s => (int)s is 202 or 429) ? 0 : 1;
    }

    private async Task SendAsync(HttpClient http, Workload workload, int sender, Stopwatch clock, CancellationToken stop)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * 1024);
        var perSender = options.Rate / (double)options.Concurrency;
        var batches = 0L;
        while (!stop.IsCancellationRequested)
        {
            if (perSender > 0)
            {
                var due = TimeSpan.FromSeconds(batches * options.Batch / perSender) + TimeSpan.FromMilliseconds(sender * 3);
                if (due > clock.Elapsed)
                {
                    try
                    {
                        await Task.Delay(due - clock.Elapsed, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            buffer.ResetWrittenCount();
            workload.WriteBatch(buffer, DateTimeOffset.UtcNow);
            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var started = clock.Elapsed;
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync("/v1/events", content, CancellationToken.None);
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"sender {sender}: {ex.Message}");
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            var latency = (clock.Elapsed - started).TotalMilliseconds;
            batches++;
            Interlocked.Add(ref _sent, options.Batch);
            lock (_statuses)
            {
                _statuses[response.StatusCode] = _statuses.GetValueOrDefault(response.StatusCode) + 1;
            }

            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.MultiStatus)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(CancellationToken.None));
                Interlocked.Add(ref _accepted, body.RootElement.GetProperty("accepted").GetInt32());
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

    private async Task ProbeAsync(HttpClient http, CancellationToken stop)
    {
        var agent = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var counted = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var body = $$"""{"events":[{"id":"{{agent}}-{{counted}}","type":"llm_call","agentId":"{{agent}}","runId":"{{agent}}-run","model":"gpt-4o","inputTokens":1}]}""";
            var response = await http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                continue;
            }

            var acknowledged = Stopwatch.GetTimestamp();
            counted++;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var state = await http.GetAsync($"/v1/agents/{agent}?window=5m", CancellationToken.None);
                if (state.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(await state.Content.ReadAsStreamAsync(CancellationToken.None));
                    if (json.RootElement.GetProperty("metrics").GetProperty("llmCalls").GetInt64() >= counted)
                    {
                        if (_measuring)
                        {
                            _eventToState.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
                        }

                        break;
                    }
                }

                await Task.Delay(2, CancellationToken.None);
            }
        }
    }

    /// <summary>The development key the Local silo generated, found from the current directory or any parent.</summary>
    private static string DefaultKey()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Silo", ".agentops", "dev-key");
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }
        }

        throw new InvalidOperationException("Pass --key: no src/Silo/.agentops/dev-key was found.");
    }
}
