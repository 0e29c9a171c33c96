using System.Collections;
using System.Globalization;
using MjBot.Core.Security;

namespace MjBot.Logging;

/// <summary>A log entry's structured state with every value redacted, so that formatters that write state
/// properties (the JSON console formatter) see no secret either.</summary>
internal sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _values;

    public RedactedState(string message, object? state, SecretRedactor redactor)
    {
        Message = message;
        _values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? [.. pairs.Select(pair => new KeyValuePair<string, object?>(pair.Key, Redact(pair.Value, redactor)))]
            : [];
    }

    public string Message { get; }

    public int Count => _values.Count;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    // Numbers, booleans and the like cannot carry a secret and keep their type; anything else becomes its
    // redacted text.
    private static object? Redact(object? value, SecretRedactor redactor) => value switch
    {
        null => null,
        string text => redactor.Redact(text),
        bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => value,
        Enum or DateTime or DateTimeOffset or TimeSpan or Guid => value,
        IFormattable formattable => redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => redactor.Redact(value.ToString()),
    };
}
