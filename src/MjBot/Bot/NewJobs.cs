using System.Security.Cryptography;
using MjBot.Core.Jobs;
using MjBot.Discord.Models;

namespace MjBot.Bot;

/// <summary>Builds new jobs from an interaction: who, where, the interaction token for the status message, a seed
/// (the prompt's --seed, or a random one in Midjourney's range 0–4294967295).</summary>
internal static class NewJobs
{
    public static Job From(Interaction interaction, JobKind kind, string prompt, string backend, uint? seed, DateTimeOffset now, bool carriesToken = true) =>
        ForMember(
            interaction.GuildId?.Value,
            interaction.ChannelId?.Value ?? interaction.Channel?.Id.Value ?? throw new InvalidOperationException("The interaction has no channel."),
            interaction.Invoker?.Id.Value ?? throw new InvalidOperationException("The interaction has no user."),
            kind,
            prompt,
            backend,
            seed,
            now) with
        {
            InteractionId = carriesToken ? interaction.Id.Value : null,
            InteractionToken = carriesToken ? interaction.Token : null,
            TokenExpiresAt = carriesToken ? now + TimeSpan.FromMinutes(15) : null,
            AttachmentSizeLimit = interaction.AttachmentSizeLimit,
        };

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

    public static long RandomSeed() => RandomNumberGenerator.GetInt32(int.MaxValue) * 2L + RandomNumberGenerator.GetInt32(2);
}
