namespace MjBot.Discord.Models;

/// <summary>The data of RESUME (op 6).</summary>
/// <param name="Token">The bot token. A secret.</param>
/// <param name="SessionId">The session id from READY.</param>
/// <param name="Seq">The last sequence number received.</param>
public sealed record ResumeData(string Token, string SessionId, int Seq);
