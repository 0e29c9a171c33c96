using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Core.Settings;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/imagine prompt:&lt;text&gt;: the member's defaults applied (typed parameters win), the prompt parsed with
/// this server's limits and the backend's model aliases (an error is an ephemeral sentence), the server's moderation
/// passed (ban, channel, quota, disallow list: <see cref="ModerationGate"/>), room for every job reserved at once
/// ("Queue full" otherwise, saying how much room there is), the interaction deferred, every image link (the attached
/// image first, as an image prompt) fetched and read once, so one that cannot be used is refused to the member alone
/// before anything is queued, then each job saved, shown
/// waiting and queued with its own prompt. The first job's status message is the command's reply; further jobs
/// (permutations, --repeat) each get a message of their own. Reservations not turned into jobs are given back on
/// every path.</summary>
internal sealed class ImagineCommand(
    DiscordRestClient rest,
    JobService service,
    ISettingsStore settings,
    BackendRegistry backends,
    IOptions<BackendsOptions> backendOptions,
    PromptOptions promptOptions,
    ModerationGate gate,
    ReferenceFetcher references,
    TimeProvider time)
{
    /// <summary>"Queue full", for a command of several jobs saying how many it makes and how many fit.</summary>
    public static string QueueFullFor(Localizer l, int jobs, int room) => jobs <= 1 || room <= 0
        ? l.Text("reply.queue_full")
        : l.Text("reply.queue_full_for", ("jobs", jobs), ("room", room));

    public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken) =>
        SubmitAsync(interaction, WithAttachment(CommandOptions.String(interaction, "prompt") ?? string.Empty, CommandOptions.Attachment(interaction, "image")), cancellationToken);

    /// <summary>Everything /imagine does with a typed prompt; /blend gives the prompt it builds from its images
    /// (<paramref name="blend"/>: refused at once, naming the backend, where the backend cannot start from images).</summary>
    public async Task SubmitAsync(Interaction interaction, string typed, CancellationToken cancellationToken, bool blend = false)
    {
        var userId = interaction.Invoker!.Id.Value;
        var user = await settings.GetUserAsync(userId, cancellationToken);
        var backend = BackendOf(user);
        var prompt = WithDefaults(typed, user);
        if (PromptParser.Parse(prompt, promptOptions.For(backend)) is not PromptParseResult.Success parsed)
        {
            var failure = (PromptParseResult.Failure)PromptParser.Parse(prompt, promptOptions.For(backend));
            await Replies.EphemeralAsync(rest, interaction, PromptErrors.Describe(failure.Error, interaction.MemberLanguage()), cancellationToken);
            return;
        }

        var chosen = backends.Find(backend);
        if (blend && parsed.Jobs.Any(j => ((chosen?.CapabilitiesFor(j.Parameters.Model) ?? BackendCapabilities.None) & (BackendCapabilities.References | BackendCapabilities.ImagePrompts)) == 0))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("blend.backend_cannot", ("backend", parsed.Jobs[0].Parameters.Model ?? backend)), cancellationToken);
            return;
        }

        var count = parsed.Jobs.Length;
        if (!await gate.AdmitAsync(interaction, prompt, parsed, backend, count, cancellationToken))
        {
            return;
        }

        if (!service.TryReserve(userId, count, out var room))
        {
            await Replies.EphemeralAsync(rest, interaction, QueueFullFor(interaction.MemberLanguage(), count, room), cancellationToken);
            return;
        }

        var handedOver = 0;
        try
        {
            await Replies.DeferAsync(rest, interaction, cancellationToken);
            if (await references.CheckAsync(parsed.Jobs, r => chosen?.CapabilitiesFor(r.Parameters.Model) ?? BackendCapabilities.None, cancellationToken) is { } unusable)
            {
                await Replies.WithdrawAsync(rest, interaction, unusable.Text(interaction.MemberLanguage()), cancellationToken);
                return;
            }

            for (var i = 0; i < count; i++)
            {
                var job = NewJobs.From(interaction, JobKind.Imagine, parsed.PromptOfJob(i, prompt), backend, parsed.Jobs[i].Parameters.Seed, time.GetUtcNow(), carriesToken: i == 0);
                if (i > 0)
                {
                    job = job with { StatusMessageId = await service.PostStatusAsync(job, cancellationToken) };
                }

                handedOver++;
                await service.SubmitAsync(job, cancellationToken);
            }
        }
        finally
        {
            service.Release(userId, count - handedOver);
        }
    }

    /// <summary>The backend a member's prompts run on: their preferred one while it exists, else the default.</summary>
    public string BackendOf(UserSettings user) =>
        user.Backend is { } preferred && backends.Find(preferred) is not null ? preferred : backendOptions.Value.Default;

    /// <summary>The prompt with the attached image (Midjourney's image prompt upload) as its first image link.</summary>
    public static string WithAttachment(string typed, Attachment? image) =>
        image?.Url is { Length: > 0 } url ? $"{url} {typed.TrimStart()}" : typed;

    /// <summary>The member's suffix and default stylize, added unless the prompt already sets the same parameter.</summary>
    public static string WithDefaults(string typed, UserSettings user) => PromptDefaults.Apply(typed, user.Suffix, user.Stylize);
}
