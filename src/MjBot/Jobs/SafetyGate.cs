using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Operations;

namespace MjBot.Jobs;

/// <summary>The safety checker between a local model and the channel: which policy a job is under (none for backends a
/// provider filters), a refusal before any work when the policy needs a checker that is not configured, and the
/// verdict on the images once they are made.</summary>
internal sealed class SafetyGate(IEnumerable<IImageSafetyChecker> checkers, ISettingsStore settings, MjBotMetrics metrics)
{
    private readonly IImageSafetyChecker? _checker = checkers.FirstOrDefault();

    /// <summary>Gets the policy <paramref name="job"/> is under on <paramref name="backend"/>, or null when its images
    /// are not checked.</summary>
    /// <exception cref="GenerationException">The policy needs the checker and none is configured.</exception>
    public async Task<SafetyPolicy?> PolicyAsync(Job job, IImageBackend backend, CancellationToken cancellationToken)
    {
        if (!backend.Capabilities.HasFlag(BackendCapabilities.Unfiltered))
        {
            return null;
        }

        var chosen = job.GuildId is { } guild ? (await settings.GetGuildAsync(guild, cancellationToken)).SafetyPolicy : null;
        var policy = SafetyRules.PolicyFor(chosen, _checker is not null);
        return policy is not null && _checker is null ? throw GenerationException.Of("failure.safety_missing", retryable: false) : policy;
    }

    /// <summary>Judges the images; gives the verdict and the 1-based numbers of the flagged ones.</summary>
    public async Task<(SafetyVerdict Verdict, IReadOnlyList<int> Flagged)> JudgeAsync(Job job, SafetyPolicy policy, IReadOnlyList<byte[]> images, CancellationToken cancellationToken)
    {
        var flags = await (_checker ?? throw new InvalidOperationException("No safety checker is configured.")).FlaggedAsync(images, cancellationToken);
        IReadOnlyList<int> flagged = [.. flags.Select(static (f, i) => (f, i)).Where(static x => x.f).Select(static x => x.i + 1)];
        var verdict = SafetyRules.Decide(policy, flagged.Count > 0, job.AgeRestricted);
        metrics.SafetyChecked(images.Count, flagged.Count, verdict);
        return (verdict, flagged);
    }
}
