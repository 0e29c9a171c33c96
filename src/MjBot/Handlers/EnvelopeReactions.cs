using System.Globalization;
using Microsoft.Extensions.Logging;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Discord.Gateway;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Logging;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>✉️ on a result: the bot DMs the member the job's id and seeds, with the images (a grid as its four
/// parts). Reactions arrive with the GUILD_MESSAGE_REACTIONS intent, which is not privileged. A member whose DMs are
/// closed simply gets nothing (Discord refuses with 50007); that is logged, not retried.</summary>
internal sealed class EnvelopeReactions(DiscordRestClient rest, IJobStore jobs, IImageStore images, ILogger<EnvelopeReactions> logger, CancellationToken stopping)
    : IGatewayDispatchHandler
{
    public const string Envelope = "✉️";

    public void OnDispatch(GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var reaction = GatewayEvents.ReactionAdd(dispatch);
        if (reaction?.Emoji.Name is Envelope or "✉")
        {
            _ = SendAsync(reaction);
        }
    }

    private async Task SendAsync(MessageReactionAdd reaction)
    {
        try
        {
            // A DM is never age-restricted: images posted only because their channel is are not sent there.
            if (await jobs.FindByResultMessageAsync(reaction.MessageId.Value, stopping) is not { } job || !PostedImages.MayRepost(job, ageRestrictedHere: false))
            {
                return;
            }

            var files = new List<UploadFile>();
            var grid = job.MakesGrid;
            for (var i = grid ? 1 : 0; i <= (grid ? JobLimits.GridSize : 0); i++)
            {
                if (await images.LoadAsync(job.Id, i, stopping) is { } png)
                {
                    files.Add(PostedImages.File(job, i, png, PostedImages.Named(job, $"mjbot_{job.Id.ToString()[..8]}_{i}.png"), null));
                }
            }

            var seeds = !grid ? job.Seed.ToString(CultureInfo.InvariantCulture)
                : ImageSeeds.SameSeed(job.Prompt) ? JobMessages.L(job).Text("dm.same_seed", ("seed", job.Seed.ToString(CultureInfo.InvariantCulture)))
                : string.Join(", ", Enumerable.Range(1, JobLimits.GridSize).Select(i => ImageSeeds.Of(job, i).ToString(CultureInfo.InvariantCulture)));
            var dm = await rest.CreateDmAsync(reaction.UserId, stopping);
            await rest.CreateMessageAsync(dm.Id, new ChannelMessageBody
            {
                Content = JobMessages.L(job).Text("dm.job", ("prompt", job.Prompt.Replace("**", string.Empty, StringComparison.Ordinal)), ("id", job.Id), ("seeds", seeds)),
                AllowedMentions = new AllowedMentions([]),
            }, files, MessageLimits.DefaultFileBytes, stopping);
        }
        catch (Exception ex) when (ex is DiscordApiException or IOException or Core.Generation.GenerationException)
        {
            logger.InteractionFailed(reaction.MessageId.ToString(), "✉️ reaction", ex);
        }
    }
}
