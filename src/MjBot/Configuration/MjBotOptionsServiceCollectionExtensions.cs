using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MjBot.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MjBot's options sections, each bound and validated at startup.</summary>
internal static class MjBotOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddMjBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<DiscordOptions, DiscordOptionsValidator>(configuration, DiscordOptions.SectionName);
        services.AddValidatedSection<BackendsOptions, BackendsOptionsValidator>(configuration, BackendsOptions.SectionName);
        services.AddValidatedSection<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.SectionName);
        services.AddValidatedSection<QueueOptions, QueueOptionsValidator>(configuration, QueueOptions.SectionName);
        services.AddValidatedSection<ModerationOptions, ModerationOptionsValidator>(configuration, ModerationOptions.SectionName);
        services.AddValidatedSection<OperationsOptions, OperationsOptionsValidator>(configuration, OperationsOptions.SectionName);
        return services;
    }

    private static void AddValidatedSection<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddSingleton(new OptionsSection(section, static provider => provider.GetRequiredService<IOptions<TOptions>>().Value));
    }
}
