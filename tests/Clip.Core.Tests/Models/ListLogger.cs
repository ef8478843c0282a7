using Microsoft.Extensions.Logging;

namespace Clip.Core.Tests.Models;

/// <summary>Keeps every formatted log line, for tests that check what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, EventId Id, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
