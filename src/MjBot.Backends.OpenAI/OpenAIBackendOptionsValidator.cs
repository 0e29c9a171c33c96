using Microsoft.Extensions.Options;

namespace MjBot.Backends.OpenAI;

/// <summary>Checks the Backends:OpenAI section without echoing the key.</summary>
internal sealed class OpenAIBackendOptionsValidator : IValidateOptions<OpenAIBackendOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAIBackendOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))))
        {
            failures.Add("Backends:OpenAI:Endpoint must be an absolute https address (http only on this machine), e.g. https://NAME.openai.azure.com/.");
        }

        if (options.DailyGuildCapUsd < 0 || options.Prices.Values.Any(static p => p < 0))
        {
            failures.Add("Backends:OpenAI:DailyGuildCapUsd and the Backends:OpenAI:Prices must not be negative (0 means no cap).");
        }

        if (options.TimeoutSeconds is < 5 or > 600)
        {
            failures.Add("Backends:OpenAI:TimeoutSeconds must be between 5 and 600.");
        }

        if (options.MaxConcurrency is < 1 or > 32)
        {
            failures.Add("Backends:OpenAI:MaxConcurrency must be between 1 and 32.");
        }

        // On OpenAI itself a name must be one of its image models; a compatible server or Azure names its own.
        foreach (var model in new[] { options.ImageModel }.Concat(options.Models).Where(m => string.IsNullOrEmpty(options.Endpoint) && !OpenAI.ImageModel.Known((m ?? string.Empty).Trim())))
        {
            failures.Add($"Backends:OpenAI: the image model \"{model}\" is not one MjBot knows: use {string.Join(", ", OpenAI.ImageModel.All.Select(static m => m.Name))} (or a dated snapshot of one).");
        }

        if (options.Models.Count > 0 && !string.IsNullOrWhiteSpace(options.AzureDeployment))
        {
            failures.Add("Backends:OpenAI:Models lists models beside an AzureDeployment: an Azure deployment is one model; leave Models empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
