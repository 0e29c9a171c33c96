using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MjBot.Handlers;
using MjBot.Core.Ports;
using MjBot.Discord.Gateway;
using MjBot.Discord.Interactions;
using MjBot.Discord.Rest;
using MjBot.Gateway;

namespace MjBot.Hosting;

/// <summary>What the gateway hands its events to: READY and RESUMED to <see cref="ReadyListener"/> first, then
/// interactions and ✉️ reactions to their dispatcher, each stopped with the host.</summary>
internal sealed class GatewayHandlerChain(
    ReadyListener ready,
    InteractionRouter router,
    DiscordRestClient rest,
    IJobStore jobs,
    IImageStore images,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers)
{
    public IGatewayDispatchHandler Build()
    {
        var stopping = lifetime.ApplicationStopping;
        var reactions = new EnvelopeReactions(rest, jobs, images, loggers.CreateLogger<EnvelopeReactions>(), stopping);
        ready.Next = new InteractionDispatcher(router, loggers.CreateLogger<InteractionDispatcher>(), stopping, reactions);
        return ready;
    }
}
