using Microsoft.Extensions.Logging;

namespace Clip.Cli.Common;

/// <summary>
/// Writes log lines to stderr, keeping stdout for results: Information and above with <c>--verbose</c>, otherwise
/// only warnings and errors.
/// </summary>
internal sealed class StandardErrorLogger : ILogger
{
    private readonly LogLevel _minimum;

    public StandardErrorLogger(bool verbose)
    {
        _minimum = verbose ? LogLevel.Information : LogLevel.Warning;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum && logLevel != LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            // Library messages often leave the reason in the exception; without it a warning says nothing.
            string reason = exception is null || _minimum < LogLevel.Warning ? string.Empty : $": {exception.Message}";
            Console.Error.WriteLine($"clip: {formatter(state, exception)}{reason}");
        }
    }
}
