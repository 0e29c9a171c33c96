using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>The buttons under MjBot's messages. U1–U4 post that image of the stored grid at once (no backend); V1–V4,
/// Vary, 🔄, Upscale, Zoom and Pan start a job linked to its parent (through the remix modal first when the member has
/// remix on); ❌ cancels; ❤️ marks a favourite. Only the job's author and moderators may press, unless the server
/// opened the buttons to everyone.</summary>
internal sealed class JobButtonHandler(
    DiscordRestClient rest,
    JobService service,
    IJobStore jobs,
    IImageStore images,
    ISettingsStore settings,
    BackendRegistry backends,
    PromptOptions promptOptions,
    ModerationGate gate,
    TimeProvider time)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!CustomIds.TryParse(interaction.Data?.CustomId, out var code, out var id, out var index))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(StockReplies.UnknownButton), cancellationToken);
            return;
        }

        if (await jobs.GetAsync(id, cancellationToken) is not { } job)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.job_unknown"), cancellationToken);
            return;
        }

        if (code == JobMessages.RevisedPromptCode)
        {
            var l = interaction.MemberLanguage();
            var culture = MessageCatalogue.Culture(l.Locale);
            var lines = new List<string>();
            if (job.RevisedPrompt is { Length: > 0 } || job.ClipScores.Count == 0)
            {
                lines.Add(job.RevisedPrompt is { Length: > 0 } drawn ? l.Text("reply.revised", ("prompt", drawn)) : l.Text("reply.not_revised"));
            }

            if (job.ClipScores.Count > 0)
            {
                lines.Add(l.Text("reply.clip_scores", ("scores", string.Join(" · ", job.ClipScores.Select(s => s.ToString("0.0", culture))))));
            }

            var text = string.Join('\n', lines);
            await Replies.EphemeralAsync(rest, interaction, text, cancellationToken);
            return;
        }

        if (code == "x")
        {
            var answer = interaction.MemberLanguage().Text(Moderators.MayCancel(interaction, job) ? await service.CancelAsync(job.Id, cancellationToken) : "reply.cancel_not_allowed");
            await Replies.EphemeralAsync(rest, interaction, answer, cancellationToken);
            return;
        }

        var guild = interaction.GuildId is { } g ? await settings.GetGuildAsync(g.Value, cancellationToken) : Core.Settings.GuildSettings.Default;
        if (!Moderators.MayPress(interaction, job, guild))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(StockReplies.NotYourButtons), cancellationToken);
            return;
        }

        if (await gate.RefusalAsync(interaction, 0, cancellationToken) is { } refusal)
        {
            await Replies.EphemeralAsync(rest, interaction, refusal, cancellationToken);
            return;
        }

        if (code == "fav")
        {
            var now = await jobs.ToggleFavoriteAsync(interaction.Invoker!.Id.Value, job.Id, time.GetUtcNow(), cancellationToken);
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(now ? "reply.favourite_added" : "reply.favourite_removed"), cancellationToken);
            return;
        }

        if (ButtonAction.Find(code) is not { } action)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(StockReplies.UnknownButton), cancellationToken);
            return;
        }

        var capabilities = backends.Offered(job);
        if ((capabilities & action.Needs) != action.Needs)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.backend_cannot", ("backend", job.Backend)), cancellationToken);
            return;
        }

        if (action.Kind == JobKind.Select)
        {
            await SelectAsync(interaction, job, index, capabilities, cancellationToken);
            return;
        }

        var user = await settings.GetUserAsync(interaction.Invoker!.Id.Value, cancellationToken);
        if (user.Remix && action.Remixable)
        {
            await RemixModal.ShowAsync(rest, interaction, action, job, index, cancellationToken);
            return;
        }

        await StartAsync(interaction, action, job, index, job.Prompt, user.HighVariation, cancellationToken);
    }

    /// <summary>Starts the job a button (or its remix modal) asks for.</summary>
    public async Task StartAsync(Interaction interaction, ButtonAction action, Job parent, int index, string prompt, bool highVariation, CancellationToken cancellationToken)
    {
        var options = promptOptions.For(parent.Backend);
        if (PromptParser.Parse(prompt, options) is not PromptParseResult.Success { Jobs: [var request, ..] } parsed)
        {
            await Replies.EphemeralAsync(rest, interaction, PromptErrors.Describe(((PromptParseResult.Failure)PromptParser.Parse(prompt, options)).Error, interaction.MemberLanguage()), cancellationToken);
            return;
        }

        // A remixed prompt is new text; a plain variation or reroll is checked again against today's rules.
        if (!await gate.AdmitAsync(interaction, prompt, parsed, parent.Backend, 1, cancellationToken))
        {
            return;
        }

        if (!service.TryReserve(interaction.Invoker!.Id.Value))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.queue_full"), cancellationToken);
            return;
        }

        await Replies.DeferAsync(rest, interaction, cancellationToken);
        var job = NewJobs.From(interaction, action.Kind, prompt, parent.Backend, request.Parameters.Seed, time.GetUtcNow()) with
        {
            ParentId = parent.Id,
            ParentIndex = action.Kind == JobKind.Reroll ? null : index,
            Option = action.Code == "v" ? (highVariation || !SubtleOn(parent) ? "strong" : "subtle") : action.Option,

            // Made from flagged images: posted no more openly than they were, whatever the checker says of the new ones.
            Spoilered = parent.Spoilered && action.Kind != JobKind.Reroll,
            SafetyFlagged = parent.SafetyFlagged && action.Kind != JobKind.Reroll,
        };
        await service.SubmitAsync(job, cancellationToken);
    }

    // A backend whose variations have one strength makes strong ones, and says so by the label.
    private bool SubtleOn(Job parent) =>
        backends.Offered(parent).HasFlag(BackendCapabilities.SubtleVariations);

    // U1–U4: the image is already stored with the grid; it becomes a finished job of its own (so its buttons work).
    private async Task SelectAsync(Interaction interaction, Job parent, int index, BackendCapabilities capabilities, CancellationToken cancellationToken)
    {
        // Only a posted grid has images to take (a blocked one's stay with the moderators).
        if (parent.Status != JobStatus.Succeeded || await images.LoadAsync(parent.Id, index, cancellationToken) is not { } png)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.image_gone"), cancellationToken);
            return;
        }

        await Replies.DeferAsync(rest, interaction, cancellationToken);
        var now = time.GetUtcNow();
        var job = NewJobs.From(interaction, JobKind.Select, parent.Prompt, parent.Backend, null, now) with
        {
            ParentId = parent.Id,
            ParentIndex = index,
            Seed = ImageSeeds.Of(parent, index),
            Status = JobStatus.Succeeded,
            StartedAt = now,
            FinishedAt = now,
            Spoilered = parent.Spoilered,
            SafetyFlagged = parent.SafetyFlagged,
        };
        await service.RecordFinishedAsync(job, cancellationToken);
        await images.SaveAsync(job.Id, 0, png, cancellationToken);
        var message = await rest.EditOriginalAsync(
            interaction.ApplicationId,
            interaction.Token,
            new MessageBody { Content = JobMessages.Result(job), Components = JobMessages.Buttons(job, capabilities), AllowedMentions = JobMessages.Mentions(job) },
            [PostedImages.File(job, 0, png, PostedImages.Named(job, $"mjbot_{job.Id.ToString()[..8]}_{index}.png"), interaction.AttachmentSizeLimit)],
            PostedImages.LimitOf(interaction.AttachmentSizeLimit),
            cancellationToken);
        await jobs.UpdateAsync(job with { ResultMessageId = message.Id.Value, StatusMessageId = message.Id.Value, Delivered = true }, cancellationToken);
    }
}
