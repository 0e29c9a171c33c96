namespace MjBot.Discord.Models;

/// <summary>The data of IDENTIFY (op 2).</summary>
/// <param name="Token">The bot token. A secret: the client never logs this payload.</param>
/// <param name="Intents">The gateway intents (MjBot asks for none that are privileged).</param>
/// <param name="Properties">Connection properties.</param>
public sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties);
