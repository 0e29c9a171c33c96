using Microsoft.Extensions.Options;

namespace MjBot.Configuration;

/// <summary>Checks the Moderation section.</summary>
internal sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        var failures = new List<string>();
        if (options.RegexTimeoutMilliseconds is < 10 or > 5000)
        {
            failures.Add($"Moderation:RegexTimeoutMilliseconds is {options.RegexTimeoutMilliseconds}: use 10 to 5000.");
        }

        if (options.MaxImageDownloadBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"Moderation:MaxImageDownloadBytes is {options.MaxImageDownloadBytes}: use 1024 to 67108864 (64 MiB).");
        }

        if (options.MaxAppealsPerDay is < 0 or > 100)
        {
            failures.Add($"Moderation:MaxAppealsPerDay is {options.MaxAppealsPerDay}: use 0 (no appeals) to 100.");
        }

        if (options.TrustedLinkHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal)))
        {
            failures.Add("Moderation:TrustedLinkHosts must hold bare host names (no scheme, port or path).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
