namespace MjBot.Discord.Gateway;

/// <summary>A gateway session as it stood when the bot stopped: enough for the next start to RESUME it (and have
/// Discord replay what happened in between) instead of starting a new one.</summary>
/// <param name="SessionId">READY's session id.</param>
/// <param name="ResumeUrl">READY's resume_gateway_url, with the query string the client connects with.</param>
/// <param name="Sequence">The last sequence number received.</param>
/// <param name="SavedAt">When the bot stopped; Discord keeps a session resumable for a few minutes only.</param>
public sealed record GatewaySessionState(string SessionId, Uri ResumeUrl, int Sequence, DateTimeOffset SavedAt);
