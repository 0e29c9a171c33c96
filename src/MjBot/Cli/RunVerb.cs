using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Logging;

namespace MjBot.Cli;

/// <summary>Runs the bot. Configuration is checked first, completely, and reported as one paragraph.</summary>
internal static class RunVerb
{
    public const int Unavailable = 69;

    public static async Task<int> RunAsync(CliContext context)
    {
        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            await context.Error.WriteLineAsync(problem);
            return ConfigurationLoader.ConfigurationError;
        }

        var redactor = ConfigurationLoader.CreateRedactor(configuration);
        using (var services = ConfigurationLoader.BuildOptionsServices(configuration))
        {
            var problems = ConfigurationProblems.Find(services);
            if (problems.Count > 0)
            {
                await context.Error.WriteAsync(redactor.Redact(ConfigurationProblemReport.Format(problems)));
                return ConfigurationLoader.ConfigurationError;
            }
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = context.ContentRoot });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole().AddSecretRedaction(redactor);
        builder.Services.AddMjBotOptions(configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MjBot");
        var backends = host.Services.GetRequiredService<IOptions<BackendsOptions>>().Value;
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        logger.ConfigurationValid(backends.Default, Path.GetFullPath(storage.DataFolder, context.ContentRoot));

        // The Discord gateway is the bot's main loop; until it lands there is nothing to run.
        logger.GatewayNotInBuild();
        await host.StopAsync();
        return Unavailable;
    }
}
