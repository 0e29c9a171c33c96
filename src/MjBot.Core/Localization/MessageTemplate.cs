using System.Globalization;
using System.Text;

namespace MjBot.Core.Localization;

/// <summary>Fills a catalogue message's placeholders: <c>{name}</c> or <c>{name:format}</c>; <c>{{</c> and <c>}}</c>
/// are literal braces.</summary>
public static class MessageTemplate
{
    public static string Fill(string template, CultureInfo culture, IReadOnlyList<MessageArg> args)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(args);
        var builder = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                builder.Append(c);
                continue;
            }

            var spec = template.AsSpan(i + 1, close - i - 1);
            var colon = spec.IndexOf(':');
            var name = (colon < 0 ? spec : spec[..colon]).ToString();
            var format = colon < 0 ? null : spec[(colon + 1)..].ToString();
            var arg = args.FirstOrDefault(a => a.Name == name);
            builder.Append(arg.Name is null ? "{" + spec.ToString() + "}" : Format(arg.Value, format, culture));
            i = close;
        }

        return builder.ToString();
    }

    /// <summary>Gets the placeholder names of a template, in order, each once.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i)
            {
                var spec = template[(i + 1)..close];
                var name = spec.Split(':')[0];
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                i = close;
            }
        }

        return names;
    }

    private static string Format(object? value, string? format, CultureInfo culture) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(format, culture),
        _ => value.ToString() ?? string.Empty,
    };
}
