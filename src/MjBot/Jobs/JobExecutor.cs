using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Imaging;
using MjBot.Logging;
using MjBot.Operations;

namespace MjBot.Jobs;

/// <summary>Runs one job on its backend: Running (saved, then shown), progress edits at most every few seconds, the
/// images stored (parts 1–4 and the grid as 0), Succeeded (saved), then the result posted. A retryable failure puts
/// the job back in the queue until its attempts are spent; anything else fails it with a sentence for the member.</summary>
internal sealed class JobExecutor(
    IJobStore jobs,
    IImageStore images,
    BackendRegistry backends,
    IJobNotifier notifier,
    SpendingCap spending,
    PromptMagic magic,
    PromptTranslation translation,
    GuildRules rules,
    ISettingsStore settings,
    ReferenceFetcher references,
    Upscales upscales,
    SafetyGate safety,
    ClipScoring clip,
    MjBotMetrics metrics,
    TimeProvider time,
    IOptions<QueueOptions> options,
    ILogger<JobExecutor> logger)
{
    /// <summary>Runs the job to a final state, or back to the queue; returns the job as it ended.</summary>
    public async Task<Job> RunAsync(Job job, CancellationToken cancelled, CancellationToken stopping)
    {
        logger.JobStarted(job.Kind.ToString(), job.Backend, job.Attempts + 1);
        var ended = await RunOnceAsync(job, cancelled, stopping);
        logger.JobEnded(ended.Status.ToString());
        if (ended.Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled)
        {
            var model = (PromptParser.Parse(ended.Prompt) as PromptParseResult.Success)?.Jobs[0].Parameters.Model ?? "default";
            metrics.Ended(ended, model, ended.Status == JobStatus.Succeeded ? (ended.MakesGrid ? JobLimits.GridSize : 1) : 0);
        }

        return ended;
    }

    private async Task<Job> RunOnceAsync(Job job, CancellationToken cancelled, CancellationToken stopping)
    {
        job = JobTransitions.Move(job, JobStatus.Running, time.GetUtcNow());
        metrics.Started(job);
        await jobs.UpdateAsync(job, stopping);
        await notifier.ShowRunningAsync(job, null, stopping);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancelled, stopping);
        var progress = new ThrottledProgress((p, ct) => notifier.ShowRunningAsync(job, p, ct), TimeSpan.FromSeconds(options.Value.ProgressEditSeconds), time, stopping);
        try
        {
            var backend = backends.Find(job.Backend)
                ?? throw GenerationException.Of("failure.backend_gone", retryable: false, ("backend", job.Backend));
            var policy = await safety.PolicyAsync(job, backend, stopping);
            var request = await magic.ApplyAsync(job, await RequestForAsync(job, stopping) with { MemberCancelled = cancelled }, linked.Token);
            (request, var translated, var untranslated) = await translation.ApplyAsync(request, backend.Capabilities, linked.Token);
            if (translated is not null && job.GuildId is { } guildId
                && (await rules.ForGuildAsync(guildId, linked.Token)).Check([translated.Prompt]) is ModerationVerdict.Matched matched)
            {
                // The member's words passed the rules; their English, which the model reads, must pass them too.
                throw new GenerationException(CatalogueText.Of("translation.blocked", ("category", DefaultDisallowList.CategoryText(matched.Rule.Category))), retryable: false, blocked: true);
            }

            if (job.Kind is JobKind.Imagine or JobKind.Reroll)
            {
                request = request with { References = await references.FetchAsync(request.Request, backend.CapabilitiesFor(request.Request.Parameters.Model), linked.Token) };
            }

            var cost = await spending.CheckAsync(job, backend, request, stopping);
            IProgress<GenerationProgress> shown = policy is null ? progress : new UncheckedPreviews(progress);
            var made = job.Kind == JobKind.Upscale
                ? await upscales.RunAsync(request, backend, shown, linked.Token)
                : await backend.GenerateAsync(request, shown, linked.Token);
            await spending.RecordAsync(job, cost, stopping);
            if (cost > 0)
            {
                metrics.Spent(cost);
            }

            await progress.DrainAsync();
            await StoreAsync(job, made.Images, stopping);
            if (policy is { } underPolicy)
            {
                job = await JudgeAsync(job, underPolicy, made.Images, linked.Token, stopping);
            }

            job = job with { ClipScores = await clip.ScoreAsync(job, request.Request.Prompt, made.Images, linked.Token) };

            job = JobTransitions.Move(job, JobStatus.Succeeded, time.GetUtcNow()) with { Notes = Notes(L(job), made, request, translated, untranslated), RevisedPrompt = made.RevisedPrompt };
            await jobs.UpdateAsync(job, stopping);

            // The images are made and saved: a stop now still gets the result out (within a bound).
            using var posting = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            return await notifier.DeliverResultAsync(job, posting.Token);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            await progress.DrainAsync();
            job = JobTransitions.Move(job, JobStatus.Cancelled, time.GetUtcNow(), "cancelled");
            await jobs.UpdateAsync(job, stopping);
            return await notifier.DeliverEndAsync(job, stopping);
        }
        catch (GenerationException ex) when (ex.Blocked && !stopping.IsCancellationRequested)
        {
            await progress.DrainAsync();
            job = JobTransitions.Move(job, JobStatus.Blocked, time.GetUtcNow(), ex.Reason.Text(L(job)));
            await jobs.UpdateAsync(job, stopping);
            return await notifier.DeliverEndAsync(job, stopping);
        }
        catch (GenerationException ex) when (!stopping.IsCancellationRequested)
        {
            await progress.DrainAsync();
            return await FailAsync(job, ex.Reason, ex.Retryable, null, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !stopping.IsCancellationRequested)
        {
            // A bug of ours or an unexpected answer: logged in full with the job id, a plain sentence for the member.
            await progress.DrainAsync();
            return await FailAsync(job, CatalogueText.Of("error.internal"), retryable: true, ex, stopping);
        }
    }

    private static Localizer L(Job job) => MessageCatalogue.Default.For(job.Locale);

    // A flagged image under a Block policy ends the job Blocked (its images stay stored, never posted, and go to the
    // moderators behind a spoiler); under Spoiler it is posted behind one.
    private async Task<Job> JudgeAsync(Job job, SafetyPolicy policy, IReadOnlyList<byte[]> made, CancellationToken cancellationToken, CancellationToken stopping)
    {
        var (verdict, flagged) = await safety.JudgeAsync(job, policy, made, cancellationToken);
        switch (verdict)
        {
            case SafetyVerdict.PostSpoilered:
                return job with { Spoilered = true, SafetyFlagged = true };
            case SafetyVerdict.Block:
                var reason = GenerationException.Of("failure.safety_blocked", retryable: false, ("images", string.Join(", ", flagged)));
                await notifier.ReportBlockedImagesAsync(job with { Error = reason.Reason.Text(L(job)) }, stopping);
                throw new GenerationException(reason.Reason, retryable: false, blocked: true);
            default:
                return job with { SafetyFlagged = job.SafetyFlagged || flagged.Count > 0 };
        }
    }

    // An English-only model given words in another script with no translator to turn them into English.
    private static string? Notes(Localizer l, GenerationResult made, GenerationRequest request, TranslatedPrompt? translated, bool untranslated)
    {
        var lines = made.Notices.Select(n => n.Text(l)).ToList();
        if (translated is not null)
        {
            var prompt = Shorten(translated.Prompt, 300);
            lines.Add(translated.NegativeTerms.Count == 0
                ? l.Text("note.translated", ("prompt", prompt))
                : l.Text("note.translated_no", ("prompt", prompt), ("negatives", string.Join(", ", translated.NegativeTerms))));
        }
        else if (untranslated)
        {
            lines.Add(l.Text("note.untranslated"));
        }

        if (request.Captions.Count > 0)
        {
            var first = Shorten(request.Captions[0], 200);
            lines.Add(request.Captions.Count > 1 ? l.Text("note.magic_more", ("caption", first), ("more", request.Captions.Count - 1)) : l.Text("note.magic", ("caption", first)));
        }

        if (made.RevisedPrompt is { Length: > 0 } rewritten)
        {
            var revised = string.Join(' ', rewritten.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            lines.Add(l.Text("note.revised", ("prompt", Shorten(revised, 300))));
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string Shorten(string text, int limit) => text.Length > limit ? text[..limit] + "…" : text;

    private async Task<Job> FailAsync(Job job, CatalogueText failure, bool retryable, Exception? exception, CancellationToken stopping)
    {
        // The log in English; the member in the job's language.
        logger.JobAttemptFailed(job.Id.ToString(), job.Attempts, failure.English, exception);
        var reason = failure.Text(L(job));
        if (retryable && job.Attempts < JobLimits.MaxAttempts)
        {
            job = JobTransitions.Move(job, JobStatus.Queued, time.GetUtcNow());
            await jobs.UpdateAsync(job, stopping);
            await notifier.ShowRetryingAsync(job, reason, stopping);
            return job;
        }

        var why = retryable ? L(job).Text("error.attempts", ("reason", reason), ("attempts", job.Attempts)) : reason;
        job = JobTransitions.Move(job, JobStatus.Failed, time.GetUtcNow(), why);
        await jobs.UpdateAsync(job, stopping);
        return await notifier.DeliverEndAsync(job, stopping);
    }

    // The request the backend sees: the prompt parsed again (deterministic), and for derived jobs the parent image.
    private async Task<GenerationRequest> RequestForAsync(Job job, CancellationToken cancellationToken)
    {
        var parsed = PromptParser.Parse(job.Prompt) as PromptParseResult.Success
            ?? throw GenerationException.Of("failure.prompt_unparsable", retryable: false);
        byte[]? source = null;
        if (job.ParentId is { } parent && job.Kind is not JobKind.Reroll)
        {
            source = await images.LoadAsync(parent, job.ParentIndex ?? 0, cancellationToken)
                ?? throw GenerationException.Of("failure.source_gone", retryable: false);
        }

        var request = new GenerationRequest(job.Kind, parsed.Jobs[0], job.Seed, source, job.Option) { JobId = job.Id.ToString() };
        if (job.GuildId is not { } guildId)
        {
            return request;
        }

        // The server's safety text, read when the job runs (so a changed list applies to waiting jobs too).
        var inForce = await rules.InForceAsync(guildId, cancellationToken);
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        return request with { Metaprompt = Metaprompt.For(guild.Metaprompt, inForce), SafetyNegatives = [.. Metaprompt.Terms(inForce)], ProviderModeration = guild.ProviderModeration ?? ProviderModeration.Auto };
    }

    private async Task StoreAsync(Job job, IReadOnlyList<byte[]> made, CancellationToken cancellationToken)
    {
        try
        {
            await StoreImagesAsync(job, made, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw GenerationException.Of("failure.backend_png", retryable: true, ("detail", ex.Message));
        }
    }

    private async Task StoreImagesAsync(Job job, IReadOnlyList<byte[]> made, CancellationToken cancellationToken)
    {
        if (job.Kind == JobKind.Upscale)
        {
            if (made.Count != 1)
            {
                throw GenerationException.Of("failure.image_count", retryable: true, ("made", made.Count), ("expected", 1));
            }

            await images.SaveAsync(job.Id, 0, made[0], cancellationToken);
            return;
        }

        if (made.Count != JobLimits.GridSize)
        {
            throw GenerationException.Of("failure.image_count", retryable: true, ("made", made.Count), ("expected", JobLimits.GridSize));
        }

        for (var i = 0; i < made.Count; i++)
        {
            await images.SaveAsync(job.Id, i + 1, made[i], cancellationToken);
        }

        await images.SaveAsync(job.Id, 0, ImageOperations.GridPng(made), cancellationToken);
    }
}
