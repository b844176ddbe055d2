using AgentOps.LoadGenerator;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or LoadOptions.HelpRequestedException)
{
    if (ex is not LoadOptions.HelpRequestedException)
    {
        Console.Error.WriteLine(ex.Message);
    }

    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

return options.Mode switch
{
    "http" or "otlp" => await new HttpLoad(options).RunAsync(),
    "baseline" => new Baseline(options).Run(),
    "memory" => MemoryProbe.Run(options.Agents),
    "serve" => await NoOpServer.RunAsync(options),
    _ => 2,
};
