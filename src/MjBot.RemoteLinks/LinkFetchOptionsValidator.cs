using Microsoft.Extensions.Options;

namespace MjBot.RemoteLinks;

/// <summary>Checks the link-fetching keys of the Moderation section.</summary>
internal sealed class LinkFetchOptionsValidator : IValidateOptions<LinkFetchOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkFetchOptions options)
    {
        var failures = new List<string>();
        if (options.MaxImageDownloadBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"Moderation:MaxImageDownloadBytes is {options.MaxImageDownloadBytes}: use 1024 to 67108864 (64 MiB).");
        }

        if (options.TrustedLinkHosts.Any(static h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal)))
        {
            failures.Add("Moderation:TrustedLinkHosts must hold bare host names (no scheme, port or path).");
        }

        if (options.MaxRedirects is < 0 or > 10 || options.ConnectTimeout <= TimeSpan.Zero || options.TotalTimeout <= TimeSpan.Zero)
        {
            failures.Add("Moderation:MaxRedirects must be 0 to 10, and Moderation:ConnectTimeout and Moderation:TotalTimeout positive (e.g. \"00:00:20\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
