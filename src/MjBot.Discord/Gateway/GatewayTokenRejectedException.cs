namespace MjBot.Discord.Gateway;

/// <summary>Discord answered 401 to GET /gateway/bot: the token is wrong, and reconnecting cannot help.</summary>
internal sealed class GatewayTokenRejectedException(string message) : Exception(message);
