using Microsoft.Extensions.Logging;

namespace MjBot.Discord.Gateway;

/// <summary>What every connection of one gateway client shares: options, session, counters, identify budget, clock,
/// dispatch handler and logger.</summary>
internal sealed record GatewayContext(
    GatewayClientOptions Options,
    GatewaySession Session,
    GatewayCounters Counters,
    IdentifyBudget IdentifyBudget,
    TimeProvider Time,
    IGatewayDispatchHandler Handler,
    ILogger Logger);
