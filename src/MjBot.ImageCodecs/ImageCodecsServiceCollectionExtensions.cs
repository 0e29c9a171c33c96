using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MjBot.Core.Ports;
using MjBot.ImageCodecs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the reader of members' images behind Core's <see cref="IImageReader"/>.</summary>
public static class ImageCodecsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SkiaImageReader"/>, its limits bound from <paramref name="section"/> (the
    /// <c>Moderation</c> section) and validated at startup.</summary>
    public static IServiceCollection AddImageCodecs(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<ImageDecodingOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImageDecodingOptions>, ImageDecodingOptionsValidator>();
        services.AddSingleton<IImageReader>(static sp => new SkiaImageReader(sp.GetRequiredService<IOptions<ImageDecodingOptions>>().Value));
        return services;
    }
}
