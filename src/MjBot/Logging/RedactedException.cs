using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>Stands in for an exception on its way to a log sink: the same type name, message and stack trace,
/// with secrets removed (a URL with an interaction token in an HttpRequestException, say).</summary>
internal sealed class RedactedException(Exception inner, SecretRedactor redactor)
    : Exception(redactor.Redact(inner.Message))
{
    public override string? StackTrace => redactor.Redact(inner.StackTrace);

    public override string ToString() => redactor.Redact(inner.ToString());
}
