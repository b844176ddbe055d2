using Microsoft.Extensions.Logging;

namespace AgentOps.SampleAgent;

/// <summary>A minimal console logger, so that the SDK's warnings (dropped events, retries, guard failures) show up.</summary>
internal sealed class ConsoleLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(minimum);

    public void Dispose()
    {
    }

    private sealed class ConsoleLogger(LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"  [{logLevel}] {formatter(state, exception)}");
            }
        }
    }
}
