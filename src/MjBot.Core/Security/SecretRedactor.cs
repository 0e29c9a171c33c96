using System.Text.RegularExpressions;

namespace MjBot.Core.Security;

/// <summary>Removes secrets from text bound for logs and error messages: the configured secret values
/// (bot token, API keys) and anything shaped like a Discord bot token, a Discord interaction or webhook token,
/// an <c>Authorization: Bot …</c> header or an OpenAI key.</summary>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    // Shorter values are too likely to be ordinary words or numbers to be replaced everywhere.
    private const int MinimumSecretLength = 8;

    private readonly string[] _secrets;

    /// <summary>Initializes a new instance of the <see cref="SecretRedactor"/> class.</summary>
    /// <param name="secrets">Configured secret values; empty and short values are ignored.</param>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = [.. secrets
            .Where(static s => s is { Length: >= MinimumSecretLength })
            .Select(static s => s!.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(static s => s.Length)];
    }

    /// <summary>Gets a redactor that knows no configured values and removes only token-shaped text.</summary>
    public static SecretRedactor PatternsOnly { get; } = new([]);

    /// <summary>Returns <paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Text bound for a log line or an error message.</param>
    /// <returns>The text without secrets.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = AuthorizationHeader().Replace(text, "$1" + Mask);
        text = UrlToken().Replace(text, "$1" + Mask);
        text = InteractionToken().Replace(text, Mask);
        text = BotToken().Replace(text, Mask);
        return OpenAIKey().Replace(text, Mask);
    }

    [GeneratedRegex(@"\b((?:Bot|Bearer)\s+)[A-Za-z0-9_\-\.=]{16,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorizationHeader();

    // /webhooks/{application.id}/{interaction.token} and /interactions/{id}/{token}/callback.
    [GeneratedRegex(@"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9_\-\.]{16,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlToken();

    // Interaction tokens are base64 of "interaction:…".
    [GeneratedRegex(@"aW50ZXJhY3Rpb246[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InteractionToken();

    // A bot token is base64(user id) "." timestamp "." HMAC.
    [GeneratedRegex(@"[A-Za-z0-9_\-]{23,30}\.[A-Za-z0-9_\-]{6,7}\.[A-Za-z0-9_\-]{27,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BotToken();

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{16,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpenAIKey();
}
