using Microsoft.Extensions.Logging;
using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>Wraps a logger provider (console, JSON console, …) so that nothing it writes carries a secret.</summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void Dispose() => inner.Dispose();
}
