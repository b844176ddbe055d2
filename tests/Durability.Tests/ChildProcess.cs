using System.Collections.Concurrent;
using System.Diagnostics;

namespace AgentOps.Durability.Tests;

/// <summary>A process the test starts and owns: its output is kept for failure messages, and it dies with the test.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>Everything the process wrote (up to the last <see cref="KeptLines"/> lines), e.g. to scan its logs.</summary>
    public string AllOutput => string.Join('\n', _output);

    private const int KeptLines = 20_000;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no chance to flush, write state or say goodbye to the cluster.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM and wait: a clean shutdown.</summary>
    public void Stop(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
        }

        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            KillHard();
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines)
        {
            _output.TryDequeue(out _);
        }
    }
}
