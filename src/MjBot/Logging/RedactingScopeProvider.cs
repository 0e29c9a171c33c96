using Microsoft.Extensions.Logging;
using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>The logger factory's scope store, seen by a provider through redaction: a scope's state (a job id …) is
/// stored redacted, as log entries are.</summary>
internal sealed class RedactingScopeProvider(IExternalScopeProvider inner, SecretRedactor redactor) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) => inner.ForEachScope(callback, state);

    public IDisposable Push(object? state) =>
        inner.Push(state is null ? null : new RedactedState(redactor.Redact(state.ToString()) ?? string.Empty, state, redactor));
}
