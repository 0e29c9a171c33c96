using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MjBot.Testing;

/// <summary>A logger provider that records exactly what a sink would receive: message, state values, exception text;
/// and each entry's level and formatted message.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>Gets every line a sink would see: messages, state pairs, scopes and exceptions.</summary>
    public ConcurrentQueue<string> Written { get; } = new();

    /// <summary>Gets each log entry's level and formatted message.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>Gets everything written, as one text to search.</summary>
    public string AllText => string.Join('\n', Written);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Written.Enqueue("scope: " + string.Join(", ", AsPairs(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Entries.Enqueue((logLevel, formatter(state, exception)));
            owner.Written.Enqueue(formatter(state, exception));
            owner.Written.Enqueue("state: " + string.Join(", ", AsPairs(state)));
            if (exception is not null)
            {
                owner.Written.Enqueue("exception: " + exception + " | " + exception.Message + " | " + exception.StackTrace);
            }
        }

        private static IEnumerable<string> AsPairs(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(static p => $"{p.Key}={p.Value}") : [];
    }
}
