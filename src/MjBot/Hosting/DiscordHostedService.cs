using MjBot.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Handlers;
using MjBot.Discord.Commands;
using MjBot.Discord.Gateway;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Gateway;
using MjBot.Logging;

namespace MjBot.Hosting;

/// <summary>Runs the gateway for the life of the host. Once the application id is known (configuration, READY, or
/// GET /applications/@me after a resumed start) it registers the slash commands (only when they changed); a fatal close stops the host with exit code 78 and the client's one
/// clear line.</summary>
internal sealed class DiscordHostedService(
    GatewayClient gateway,
    ReadyListener ready,
    DiscordRestClient rest,
    ICommandHashStore hashes,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    HostExitCode exit,
    TimeProvider time,
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

    // From configuration or READY; a start that resumed the last session gets no READY, so then Discord is asked
    // (until it answers, or a READY comes after all because the resume was refused).
    private async Task<ulong> ApplicationIdAsync(CancellationToken cancellationToken)
    {
        var identity = ready.Identity;
        await Task.WhenAny(identity.ApplicationId, ready.Resumed).WaitAsync(cancellationToken);
        for (var attempt = 1; !identity.ApplicationId.IsCompleted; attempt++)
        {
            try
            {
                identity.Learned((await rest.GetCurrentApplicationAsync(cancellationToken)).Id.Value);
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordApiException)
            {
                var delay = Math.Min(60, 1 << attempt);
                logger.ApplicationIdFailed(attempt, ex.Message, delay);
                await Task.Delay(TimeSpan.FromSeconds(delay), time, cancellationToken);
            }
        }

        return await identity.ApplicationId;
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var applicationId = await ApplicationIdAsync(cancellationToken);
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
