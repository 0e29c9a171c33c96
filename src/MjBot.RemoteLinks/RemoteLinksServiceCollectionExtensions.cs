using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MjBot.Core.Ports;
using MjBot.RemoteLinks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the safe link fetcher behind Core's <see cref="ILinkFetcher"/>.</summary>
public static class RemoteLinksServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SafeLinkFetcher"/> as the <see cref="ILinkFetcher"/>, its options bound from
    /// <paramref name="section"/> (the <c>Moderation</c> section) and validated at startup, and the system resolver
    /// unless one is registered already.</summary>
    public static IServiceCollection AddSafeLinkFetcher(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<LinkFetchOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkFetchOptions>, LinkFetchOptionsValidator>();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<ILinkFetcher>(static sp => new SafeLinkFetcher(sp.GetRequiredService<IOptions<LinkFetchOptions>>().Value, sp.GetRequiredService<IHostResolver>()));
        return services;
    }
}
