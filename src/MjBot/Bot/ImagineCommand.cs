using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Core.Settings;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Moderation;

namespace MjBot.Bot;

/// <summary>/imagine prompt:&lt;text&gt;: the member's defaults applied, the prompt parsed (an error is an ephemeral
/// sentence), the server's moderation passed (ban, channel, quota, disallow list: <see cref="ModerationGate"/>), room in their queue reserved ("Queue full" otherwise), the interaction deferred, then each job saved,
/// shown waiting and queued. The first job's status message is the command's reply; further jobs (permutations,
/// --repeat) each get a message of their own.</summary>
internal sealed class ImagineCommand(
    DiscordRestClient rest,
    JobService service,
    ISettingsStore settings,
    BackendRegistry backends,
    IOptions<BackendsOptions> backendOptions,
    ModerationGate gate,
    TimeProvider time)
{
    public const string QueueFull = "**Queue full**: your job queue is full. Please wait for a job to finish first, then resubmit this one.";

    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var typed = CommandOptions.String(interaction, "prompt") ?? string.Empty;
        var user = await settings.GetUserAsync(interaction.Invoker!.Id.Value, cancellationToken);
        var prompt = WithDefaults(typed, user);
        if (PromptParser.Parse(prompt) is PromptParseResult.Failure failure)
        {
            await Replies.EphemeralAsync(rest, interaction, PromptErrors.Describe(failure.Error), cancellationToken);
            return;
        }

        var parsed = (PromptParseResult.Success)PromptParser.Parse(prompt);
        var backend = user.Backend is { } preferred && backends.Find(preferred) is not null ? preferred : backendOptions.Value.Default;
        if (!await gate.AdmitAsync(interaction, prompt, parsed, backend, parsed.Jobs.Length, cancellationToken))
        {
            return;
        }

        var reserved = 0;
        foreach (var _ in parsed.Jobs)
        {
            if (!service.TryReserve(interaction.Invoker.Id.Value))
            {
                for (var i = 0; i < reserved; i++)
                {
                    service.Release(interaction.Invoker.Id.Value);
                }

                await Replies.EphemeralAsync(rest, interaction, QueueFull, cancellationToken);
                return;
            }

            reserved++;
        }

        await Replies.DeferAsync(rest, interaction, cancellationToken);
        for (var i = 0; i < parsed.Jobs.Length; i++)
        {
            var text = parsed.Permutations.Length > 1 ? parsed.Permutations[i] : prompt;
            var job = NewJobs.From(interaction, JobKind.Imagine, text, backend, parsed.Jobs[i].Parameters.Seed, time.GetUtcNow(), carriesToken: i == 0);
            if (i > 0)
            {
                job = job with { StatusMessageId = await service.PostStatusAsync(job, cancellationToken) };
            }

            await service.SubmitAsync(job, cancellationToken);
        }
    }

    /// <summary>The member's suffix and default stylize, added unless the prompt already says otherwise.</summary>
    public static string WithDefaults(string typed, UserSettings user)
    {
        var prompt = typed.Trim();
        if (user.Suffix is { Length: > 0 } suffix)
        {
            prompt += " " + suffix;
        }

        if (user.Stylize is { } stylize && !prompt.Contains("--s ", StringComparison.Ordinal) && !prompt.Contains("--stylize", StringComparison.Ordinal))
        {
            prompt += $" --s {stylize}";
        }

        return prompt;
    }
}
