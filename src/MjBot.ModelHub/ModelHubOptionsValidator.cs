using Microsoft.Extensions.Options;

namespace MjBot.ModelHub;

/// <summary>Checks the <c>ModelHub</c> section.</summary>
internal sealed class ModelHubOptionsValidator : IValidateOptions<ModelHubOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelHubOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(endpoint.Query))
        {
            failures.Add($"ModelHub:Endpoint is \"{options.Endpoint}\": use the hub's address, e.g. https://huggingface.co.");
        }

        if (options.Token is { } token && token.Trim().Any(char.IsWhiteSpace))
        {
            failures.Add("ModelHub:Token contains spaces: paste the access token alone (it starts with hf_).");
        }

        if (options.Retries is < 0 or > 50)
        {
            failures.Add($"ModelHub:Retries is {options.Retries}: use 0 to 50.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(10) || options.StallTimeout <= TimeSpan.Zero)
        {
            failures.Add("ModelHub:RetryDelay must be 0 to 10 minutes and ModelHub:StallTimeout positive (e.g. \"00:01:00\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
