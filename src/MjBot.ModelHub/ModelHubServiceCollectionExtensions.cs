using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MjBot.ModelHub;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Hugging Face Hub client and the model downloader.</summary>
public static class ModelHubServiceCollectionExtensions
{
    /// <summary>Adds <see cref="HubClient"/> and <see cref="ModelDownloader"/>, with <see cref="ModelHubOptions"/> bound
    /// from <paramref name="section"/> (the <c>ModelHub</c> section) and validated when first used; an empty token is
    /// taken from the <c>HF_TOKEN</c> variable of <paramref name="environment"/> (the process's by default).</summary>
    public static IServiceCollection AddModelHub(this IServiceCollection services, IConfiguration section, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        services.AddOptions<ModelHubOptions>().Bind(section)
            .PostConfigure(o => o.Token = string.IsNullOrWhiteSpace(o.Token) ? environment("HF_TOKEN") : o.Token)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelHubOptions>, ModelHubOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static sp =>
        {
            // Redirects are followed by HubClient itself, so the token never travels to the storage hosts.
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(30), AutomaticDecompression = System.Net.DecompressionMethods.None };
            return new HubClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, sp.GetRequiredService<IOptions<ModelHubOptions>>().Value, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(static sp => new ModelDownloader(sp.GetRequiredService<HubClient>(), sp.GetRequiredService<IOptions<ModelHubOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
