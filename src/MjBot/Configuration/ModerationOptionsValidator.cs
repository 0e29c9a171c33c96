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

        if (options.MaxAppealsPerDay is < 0 or > 100)
        {
            failures.Add($"Moderation:MaxAppealsPerDay is {options.MaxAppealsPerDay}: use 0 (no appeals) to 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
