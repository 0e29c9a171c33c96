using MjBot.Core.Ports;

namespace MjBot.Core.Moderation;

/// <summary>Writes the audit log: every moderation action, with who and when.</summary>
public sealed class ModerationAudit(IModerationStore store, TimeProvider time)
{
    public Task RecordAsync(ulong guildId, ulong actorId, string action, string detail, CancellationToken cancellationToken) =>
        store.AppendLogAsync(new ModerationLogEntry(guildId, actorId, action, detail, time.GetUtcNow()), cancellationToken);
}
