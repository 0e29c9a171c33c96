using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Discord.Commands;
using MjBot.Discord.Gateway;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Hosting;
using MjBot.Logging;

namespace MjBot.Bot;

/// <summary>Runs the gateway for the life of the host. On READY it learns the application id and registers the
/// slash commands (only when they changed); a fatal close stops the host with exit code 78 and the client's one
/// clear line.</summary>
internal sealed class DiscordHostedService(
    GatewayClient gateway,
    ReadyListener ready,
    DiscordRestClient rest,
    ICommandHashStore hashes,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    HostExitCode exit,
    ILogger<DiscordHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = gateway.RunAsync(stoppingToken);
        var registration = RegisterAsync(stoppingToken);
        var decision = await run;
        await registration.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        logger.GatewayStopped(decision.Reason);
        exit.Set(HostExitCode.Configuration);
        lifetime.StopApplication();
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var applicationId = await ready.Identity.ApplicationId.WaitAsync(cancellationToken);
        var guild = options.Value.DevGuildId is { } g ? new Snowflake(g) : (Snowflake?)null;
        try
        {
            if (await new CommandRegistrar(rest, hashes).RegisterAsync(new Snowflake(applicationId), guild, BotCommands.All, cancellationToken))
            {
                logger.CommandsRegistered(guild is null ? "global" : $"server {guild}");
            }
        }
        catch (DiscordApiException ex)
        {
            logger.InteractionFailed(applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), "command registration", ex);
        }
    }
}
