using Microsoft.Extensions.Logging;
using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>Formats each entry, removes secrets from the message, the state and the exception, then hands it
/// to the real logger.</summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        inner.BeginScope(new RedactedState(redactor.Redact(state.ToString()) ?? string.Empty, state, redactor));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception));
        inner.Log(
            logLevel,
            eventId,
            new RedactedState(message, state, redactor),
            exception is null ? null : new RedactedException(exception, redactor),
            static (redacted, _) => redacted.Message);
    }
}
