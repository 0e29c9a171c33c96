using MjBot.Core.Jobs;
using MjBot.Discord.Models;

namespace MjBot.Handlers;

/// <summary>New jobs from an interaction: who and where come from Discord's payload; the rest is Core's
/// <see cref="NewJob"/>.</summary>
internal static class NewJobs
{
    public static Job From(Interaction interaction, JobKind kind, string prompt, string backend, uint? seed, DateTimeOffset now, bool carriesToken = true)
    {
        var job = NewJob.ForMember(
            interaction.GuildId?.Value,
            interaction.ChannelId?.Value ?? interaction.Channel?.Id.Value ?? throw new InvalidOperationException("The interaction has no channel."),
            interaction.Invoker?.Id.Value ?? throw new InvalidOperationException("The interaction has no user."),
            kind,
            prompt,
            backend,
            seed,
            now);
        job = job with { Locale = interaction.GuildLocale ?? interaction.Locale, AgeRestricted = interaction.GuildId is not null && interaction.Channel?.Nsfw == true };
        return carriesToken
            ? NewJob.Answering(job, interaction.Id.Value, interaction.Token, interaction.AttachmentSizeLimit, now)
            : job with { AttachmentSizeLimit = interaction.AttachmentSizeLimit };
    }
}
