using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MjBot.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the host's own options sections, each bound and validated at startup, and names every section
/// (the host's and the modules') for <see cref="ConfigurationProblems"/>.</summary>
internal static class MjBotOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddMjBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<BackendsOptions, BackendsOptionsValidator>(configuration, BackendsOptions.SectionName);
        services.AddValidatedSection<QueueOptions, QueueOptionsValidator>(configuration, QueueOptions.SectionName);
        services.AddValidatedSection<ModerationOptions, ModerationOptionsValidator>(configuration, ModerationOptions.SectionName);
        services.AddValidatedSection<OperationsOptions, OperationsOptionsValidator>(configuration, OperationsOptions.SectionName);
        return services;
    }

    /// <summary>Names a section a module binds and validates itself, so that its problems are reported with the
    /// rest.</summary>
    public static IServiceCollection AddReportedSection<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton(new OptionsSection(section, static provider => provider.GetRequiredService<IOptions<TOptions>>().Value));
        return services;
    }

    private static void AddValidatedSection<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddReportedSection<TOptions>(section);
    }
}
