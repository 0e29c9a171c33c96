using System.Security.Cryptography;

namespace MjBot.Core.Jobs;

/// <summary>Builds new jobs: who, where, what, and a seed (the prompt's --seed, or a random one in Midjourney's range
/// 0–4294967295); with the interaction that asked, its token (good for <see cref="InteractionTokens.Lifetime"/>) so
/// the job's status message is the interaction's response.</summary>
public static class NewJob
{
    /// <summary>A job with no interaction to answer (a prompt a moderator approved): its status message is posted.</summary>
    public static Job ForMember(ulong? guildId, ulong channelId, ulong userId, JobKind kind, string prompt, string backend, uint? seed, DateTimeOffset now) => new()
    {
        Id = JobId.New(),
        Kind = kind,
        GuildId = guildId,
        ChannelId = channelId,
        UserId = userId,
        Prompt = prompt,
        Backend = backend,
        Seed = seed ?? RandomSeed(),
        CreatedAt = now,
    };

    /// <summary>The job answering an interaction made at <paramref name="now"/>.</summary>
    public static Job Answering(Job job, ulong interactionId, string token, long? attachmentSizeLimit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with
        {
            InteractionId = interactionId,
            InteractionToken = KeptInteractionToken.From(token, now),
            AttachmentSizeLimit = attachmentSizeLimit,
        };
    }

    /// <summary>A random seed in 0–4294967295.</summary>
    public static long RandomSeed() => RandomNumberGenerator.GetInt32(int.MaxValue) * 2L + RandomNumberGenerator.GetInt32(2);
}
