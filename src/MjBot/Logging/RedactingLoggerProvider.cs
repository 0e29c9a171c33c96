using Microsoft.Extensions.Logging;
using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>Wraps a logger provider (console, JSON console, …) so that nothing it writes carries a secret. Scopes
/// reach a provider that reads the factory's scope store (as the console formatters do) through
/// <see cref="RedactingScopeProvider"/>.</summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(new RedactingScopeProvider(scopeProvider, redactor));
        }
    }

    public void Dispose() => inner.Dispose();
}
