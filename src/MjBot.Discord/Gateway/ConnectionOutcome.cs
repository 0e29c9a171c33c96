namespace MjBot.Discord.Gateway;

/// <summary>How one gateway connection ended and what to do next.</summary>
/// <param name="Action">Resume, identify or stop.</param>
/// <param name="Reason">Why, for the log.</param>
/// <param name="ReachedSession">Whether the connection got as far as READY or RESUMED (a healthy connection resets the
/// reconnect backoff).</param>
/// <param name="DelayBeforeNext">A wait the gateway asked for (after an invalid session), on top of any backoff.</param>
internal sealed record ConnectionOutcome(GatewayCloseAction Action, string Reason, bool ReachedSession, TimeSpan DelayBeforeNext);
