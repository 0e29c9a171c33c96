using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MjBot.Backends.OpenAI;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenAI image backend and prompt expander.</summary>
public static class OpenAIServiceCollectionExtensions
{
    /// <summary>Binds and validates <paramref name="section"/> (the <c>Backends:OpenAI</c> section) and, when it holds
    /// an API key, adds the backend (named <c>openai</c>, its daily cap per server from the section), the
    /// <c>--magic</c> prompt expander, the /describe describer (the chat model with the image), and (unless <c>TranslatePrompts</c> is false) the translator that turns prompts in
    /// other scripts into English for English-only backends. Without a key the options are still checked, and nothing
    /// else is added.</summary>
    public static IServiceCollection AddOpenAIImageBackend(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<OpenAIBackendOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenAIBackendOptions>, OpenAIBackendOptionsValidator>();
        var configured = section.Get<OpenAIBackendOptions>() ?? new OpenAIBackendOptions();
        if (string.IsNullOrWhiteSpace(configured.ApiKey))
        {
            return services;
        }

        services.AddSingleton(new BackendRegistration(OpenAIImageBackend.BackendName) { DailyGuildCapUsd = configured.DailyGuildCapUsd });
        services.AddSingleton<IPromptExpander>(static sp => new OpenAIPromptExpander(sp.GetRequiredService<IOptions<OpenAIBackendOptions>>().Value));
        services.AddSingleton<IPromptDescriber>(static sp => new OpenAIPromptDescriber(sp.GetRequiredService<IOptions<OpenAIBackendOptions>>().Value));
        if (configured.TranslatePrompts)
        {
            services.AddSingleton<IPromptTranslator>(static sp => new OpenAIPromptTranslator(sp.GetRequiredService<IOptions<OpenAIBackendOptions>>().Value));
        }

        services.AddSingleton<IImageBackend>(static sp => new OpenAIImageBackend(sp.GetRequiredService<IOptions<OpenAIBackendOptions>>().Value));
        return services;
    }
}
