using AgentOps.GcReport;

const string Usage = """
    usage: GcReport pauses <trace.nettrace>
           GcReport allocations <trace.nettrace> [type name part: print its top allocating stacks]
    The trace: dotnet tool run dotnet-trace collect -p <pid> --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:15
    """;

if (args.Length < 2 || !File.Exists(args[1]))
{
    Console.Error.WriteLine(args.Length >= 2 ? $"No such trace file: {args[1]}" : Usage);
    return 2;
}

switch (args[0])
{
    case "pauses":
        PauseReport.Print(args[1], Console.Out);
        return 0;
    case "allocations":
        AllocationReport.Print(args[1], args.Length > 2 ? args[2] : null, Console.Out);
        return 0;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}
