using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MjBot.Testing.Hub;

namespace MjBot.ModelHub.Tests;

/// <summary>The downloader as <c>AddModelHub</c> registers it, pointed at a stand-in, with no HF_TOKEN from the
/// process's environment and no pause between retries.</summary>
internal static class HubTestClient
{
    public static ServiceProvider Services(HubStandIn hub, string? token = null, int retries = 3, string? environmentToken = null, string stallTimeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelHub:Endpoint"] = hub.Endpoint.ToString(),
            ["ModelHub:Token"] = token,
            ["ModelHub:Retries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ModelHub:RetryDelay"] = "00:00:00",
            ["ModelHub:StallTimeout"] = stallTimeout,
        }).Build();
        return new ServiceCollection()
            .AddModelHub(configuration.GetSection(ModelHubOptions.SectionName), name => name == "HF_TOKEN" ? environmentToken : null)
            .BuildServiceProvider();
    }

    public static ModelDownloader Downloader(ServiceProvider services) => services.GetRequiredService<ModelDownloader>();

    public static HubClient Client(ServiceProvider services) => services.GetRequiredService<HubClient>();
}
