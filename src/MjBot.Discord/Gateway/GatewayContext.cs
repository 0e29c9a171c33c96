using Microsoft.Extensions.Logging;

namespace MjBot.Discord.Gateway;

/// <summary>What every connection of one gateway client shares: options, session, counters, identify budget, clock,
/// dispatch handler, logger, and where the session is kept across a restart (none: a stop ends the session).</summary>
internal sealed record GatewayContext(
    GatewayClientOptions Options,
    GatewaySession Session,
    GatewayCounters Counters,
    IdentifyBudget IdentifyBudget,
    TimeProvider Time,
    IGatewayDispatchHandler Handler,
    ILogger Logger,
    IGatewaySessionStore? Store);
