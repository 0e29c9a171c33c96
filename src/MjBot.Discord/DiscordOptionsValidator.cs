using Microsoft.Extensions.Options;

namespace MjBot.Discord;

/// <summary>Checks the Discord section without ever echoing the token (also used by <c>doctor</c> on the token alone).</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (options.ApiBaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return ValidateOptionsResult.Fail("Discord:ApiBaseAddress must be an absolute http(s) address; leave it out to use https://discord.com/api/v10/.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            return ValidateOptionsResult.Fail($"Discord:MaxRetries is {options.MaxRetries}: use 0 to 10.");
        }

        var token = options.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            return ValidateOptionsResult.Fail(
                "Discord:Token is missing: the bot token from the Discord Developer Portal (your application → Bot → Reset Token).");
        }

        if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail("Discord:Token must be the token alone: remove the leading \"Bot \".");
        }

        if (token.Any(char.IsWhiteSpace))
        {
            return ValidateOptionsResult.Fail("Discord:Token contains spaces or line breaks: paste the token alone.");
        }

        return token.Split('.').Length == 3 && token.Split('.').All(static part => part.Length > 0)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "Discord:Token does not look like a bot token (three parts separated by dots): copy it again from the Developer Portal's Bot page.");
    }
}
