using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>Applies prompt magic to a job when it is on for its member (their own choice, else their server's; off by
/// default) and a rewriter is configured: a grid from a prompt gets four detailed captions, one per image. Other
/// kinds of job keep the member's words.</summary>
public sealed class PromptMagic(ISettingsStore settings, IEnumerable<IPromptExpander> expanders)
{
    private readonly IPromptExpander? _expander = expanders.FirstOrDefault();

    public async Task<GenerationRequest> ApplyAsync(Job job, GenerationRequest request, CancellationToken cancellationToken)
    {
        if (_expander is null || job.Kind is not (JobKind.Imagine or JobKind.Reroll) || !await IsOnAsync(job, cancellationToken))
        {
            return request;
        }

        var captions = await _expander.ExpandAsync(request.Request.Prompt, JobLimits.GridSize, cancellationToken);
        return request with { Captions = captions };
    }

    private async Task<bool> IsOnAsync(Job job, CancellationToken cancellationToken)
    {
        var user = await settings.GetUserAsync(job.UserId, cancellationToken);
        if (user.PromptMagic is { } chosen)
        {
            return chosen;
        }

        return job.GuildId is { } guild && (await settings.GetGuildAsync(guild, cancellationToken)).PromptMagic;
    }
}
