namespace MjBot.Discord.Gateway;

/// <summary>What to do after a close, and why, in a sentence fit for the one log line a fatal close gets.</summary>
/// <param name="Action">Resume, identify or stop.</param>
/// <param name="Reason">The close code's meaning and, for a fatal one, the fix.</param>
public readonly record struct GatewayCloseDecision(GatewayCloseAction Action, string Reason);
