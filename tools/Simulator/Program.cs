using AgentOps.Simulator;

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or SimulatorOptions.HelpRequestedException)
{
    if (ex is not SimulatorOptions.HelpRequestedException)
    {
        Console.Error.WriteLine(ex.Message);
    }

    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

var key = options.Key ?? SimulatorOptions.FindDevelopmentKey(Directory.GetCurrentDirectory());
if (string.IsNullOrEmpty(key))
{
    Console.Error.WriteLine("No key: pass --key, or run the silo once (./run.sh) so that src/Silo/.agentops/dev-key exists.");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop after the request in flight, not in the middle of it
    stop.Cancel();
    Console.WriteLine("stopping…");
};

using var ingest = new Ingest(options.Url, key);
Console.WriteLine($"AgentOps simulator → {options.Url}");
try
{
    await new Simulation(options, ingest, TimeProvider.System).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"The silo refused the request: {ex.Message}");
    return 1;
}

Console.WriteLine($"stopped: {ingest.Accepted:N0} events accepted, {ingest.Rejected:N0} rejected.");
return 0;
