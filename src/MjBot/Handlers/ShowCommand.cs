using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/show job_id: posts a finished job again in this channel, with working buttons (the state is in the
/// database). Members can show their own jobs; moderators any.</summary>
internal sealed class ShowCommand(DiscordRestClient rest, IJobStore jobs, IImageStore images, BackendRegistry backends)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var text = CommandOptions.String(interaction, "job_id");
        if (!JobId.TryParse(text, out var id) || await jobs.GetAsync(id, cancellationToken) is not { } job)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.show_unknown", ("id", text?.Replace('`', '\''))), cancellationToken);
            return;
        }

        if (!Moderators.MayCancel(interaction, job))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.show_not_yours"), cancellationToken);
            return;
        }

        if (job.Status != JobStatus.Succeeded || await images.LoadAsync(job.Id, 0, cancellationToken) is not { } png)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.show_no_images", ("status", interaction.MemberLanguage().Text("status." + job.Status.ToString().ToLowerInvariant()))), cancellationToken);
            return;
        }

        if (!PostedImages.MayRepost(job, interaction.GuildId is not null && interaction.Channel?.Nsfw == true))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.show_age_restricted"), cancellationToken);
            return;
        }

        await Replies.DeferAsync(rest, interaction, cancellationToken);
        var capabilities = backends.Offered(job);
        await rest.EditOriginalAsync(
            interaction.ApplicationId,
            interaction.Token,
            new MessageBody { Content = JobMessages.Result(job), Components = JobMessages.Buttons(job, capabilities), AllowedMentions = new AllowedMentions([]) },
            [PostedImages.File(job, 0, png, PostedImages.Named(job, $"mjbot_{job.Id.ToString()[..8]}.png"), interaction.AttachmentSizeLimit)],
            PostedImages.LimitOf(interaction.AttachmentSizeLimit),
            cancellationToken);
    }
}
