using System.Text;
using Microsoft.Extensions.Logging;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Gateway;
using MjBot.Logging;
using MjBot.Rendering;

namespace MjBot.Jobs;

/// <summary>Everything a job shows on Discord: its status message (waiting, progress, failure) edited through the
/// interaction token while it is valid and with the bot token after, and its result posted as a new message with
/// the bot token and a nonce (so a post repeated after a crash is deduplicated by Discord), falling back to a
/// follow-up where the bot cannot post in the channel. Status edits never fail a job: a lost edit is logged.</summary>
internal sealed class JobDelivery(
    DiscordRestClient rest,
    BotIdentity identity,
    IJobStore jobs,
    IImageStore images,
    BackendRegistry backends,
    Upscales upscales,
    ISettingsStore settings,
    TimeProvider time,
    ILogger<JobDelivery> logger)
{
    /// <summary>Shows a new job waiting on its interaction's @original; returns that message's id.</summary>
    public async Task<ulong?> ShowWaitingAsync(Job job, int position, TimeSpan? eta, CancellationToken cancellationToken)
    {
        if (job.InteractionToken?.UsableAt(time.GetUtcNow()) is not { } token)
        {
            return null;
        }

        try
        {
            var body = new MessageBody { Content = JobMessages.Waiting(job, position, eta), Components = JobMessages.CancelRow(job), AllowedMentions = JobMessages.Mentions(job) };
            var message = await rest.EditOriginalAsync(new Snowflake(await identity.ApplicationId), token, body, null, MessageLimits.DefaultFileBytes, cancellationToken);
            return message.Id.Value;
        }
        catch (DiscordApiException ex)
        {
            logger.StatusEditFailed(job.Id.ToString(), ex.Status, ex.Code ?? 0);
            return null;
        }
    }

    /// <summary>Posts a waiting message with the bot token (for jobs beyond the first of a command); returns its id.</summary>
    public async Task<ulong?> PostStatusAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            var body = new ChannelMessageBody { Content = JobMessages.Waiting(job, 0, null), Components = JobMessages.CancelRow(job), AllowedMentions = JobMessages.Mentions(job) };
            return (await rest.CreateMessageAsync(new Snowflake(job.ChannelId), body, null, MessageLimits.DefaultFileBytes, cancellationToken)).Id.Value;
        }
        catch (DiscordApiException ex)
        {
            logger.StatusEditFailed(job.Id.ToString(), ex.Status, ex.Code ?? 0);
            return null;
        }
    }

    /// <summary>Edits the status message; returns false when it could not. <paramref name="final"/> takes the last
    /// preview off (a job that ended without a result keeps no image of its run).</summary>
    public async Task<bool> EditStatusAsync(Job job, string content, IReadOnlyList<Component> components, byte[]? preview, CancellationToken cancellationToken, bool final = false)
    {
        var body = new MessageBody { Content = content, Components = components, AllowedMentions = JobMessages.Mentions(job), Attachments = preview is null && !final ? null : [] };
        try
        {
            if (job.InteractionToken?.UsableAt(time.GetUtcNow()) is { } token)
            {
                try
                {
                    var files = preview is null ? null : new[] { new UploadFile("preview.png", preview) };
                    await rest.EditOriginalAsync(new Snowflake(await identity.ApplicationId), token, body, files, MessageLimits.DefaultFileBytes, cancellationToken);
                    return true;
                }
                catch (DiscordApiException ex) when (ex.Code is 10015 or 10062 or 50027)
                {
                    // The token died early (Discord's clock, not ours): the bot token still reaches the message.
                }
            }

            if (job.StatusMessageId is not { } messageId)
            {
                return false;
            }

            await rest.EditMessageAsync(new Snowflake(job.ChannelId), new Snowflake(messageId), body with { Attachments = final ? [] : null }, cancellationToken);
            return true;
        }
        catch (DiscordApiException ex)
        {
            logger.StatusEditFailed(job.Id.ToString(), ex.Status, ex.Code ?? 0);
            return false;
        }
    }

    /// <summary>Posts the result with its buttons, records it, removes the status message, and records that. A job
    /// found with its result recorded but not marked delivered (the host stopped in between) only has its status
    /// message removed; one found without (it stopped mid-post) posts again with the same nonce, which Discord
    /// answers with the first post.</summary>
    public async Task<Job> DeliverResultAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.ResultMessageId is null)
        {
            var posted = await PostResultAsync(job, cancellationToken);
            job = job with { ResultMessageId = posted.Id.Value };
            await jobs.UpdateAsync(job, cancellationToken);
        }

        await RemoveStatusAsync(job, cancellationToken);
        job = job with { Delivered = true };
        await jobs.UpdateAsync(job, cancellationToken);
        return job;
    }

    private async Task<Message> PostResultAsync(Job job, CancellationToken cancellationToken)
    {
        var png = await images.LoadAsync(job.Id, 0, cancellationToken)
            ?? throw new InvalidOperationException($"Job {job.Id} succeeded but its image is missing from the image store.");
        var capabilities = backends.Offered(job);
        var lanczos = job.Kind == JobKind.Upscale && !upscales.HasModel;
        var limit = PostedImages.LimitOf(job.AttachmentSizeLimit);
        var file = PostedImages.File(job, 0, png, PostedImages.Named(job, FileName(job)), limit);
        var body = new ChannelMessageBody
        {
            Content = JobMessages.Result(job, lanczos),
            Components = JobMessages.Buttons(job, capabilities),
            AllowedMentions = JobMessages.Mentions(job),
            Nonce = job.Id.Nonce,
            EnforceNonce = true,
        };
        try
        {
            return await rest.CreateMessageAsync(new Snowflake(job.ChannelId), body, [file], limit, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Code is 50001 or 50013 && job.InteractionToken?.UsableAt(time.GetUtcNow()) is { } token)
        {
            // The bot may not post in this channel, but the interaction's webhook may.
            return await rest.FollowUpAsync(new Snowflake(await identity.ApplicationId), token, new MessageBody
            {
                Content = body.Content,
                Components = body.Components,
                AllowedMentions = body.AllowedMentions,
            }, [file], limit, cancellationToken);
        }
    }

    /// <summary>Shows a final state (failed, cancelled) on the status message and records it as delivered.</summary>
    public async Task<Job> DeliverEndAsync(Job job, string content, CancellationToken cancellationToken)
    {
        await EditStatusAsync(job, content, [], null, cancellationToken, final: true);
        job = job with { Delivered = true };
        await jobs.UpdateAsync(job, cancellationToken);
        return job;
    }

    private async Task RemoveStatusAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            if (job.InteractionToken?.UsableAt(time.GetUtcNow()) is { } token)
            {
                try
                {
                    await rest.DeleteOriginalAsync(new Snowflake(await identity.ApplicationId), token, cancellationToken);
                    return;
                }
                catch (DiscordApiException ex) when (ex.Code is 10015 or 10062 or 50027)
                {
                    // The token died early; the bot token still reaches the message.
                }
            }

            if (job.StatusMessageId is { } messageId)
            {
                await rest.DeleteMessageAsync(new Snowflake(job.ChannelId), new Snowflake(messageId), cancellationToken);
            }
        }
        catch (DiscordApiException ex)
        {
            // Already gone (a moderator deleted it) or unreachable: the result is posted, which is what matters.
            logger.StatusEditFailed(job.Id.ToString(), ex.Status, ex.Code ?? 0);
        }
    }

    /// <summary>Posts a blocked job's images in the server's review channel behind a spoiler, for its moderators.</summary>
    public async Task ReportBlockedImagesAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.GuildId is not { } guild || (await settings.GetGuildAsync(guild, cancellationToken)).ReviewChannelId is not { } channel
            || await images.LoadAsync(job.Id, 0, cancellationToken) is not { } png)
        {
            return;
        }

        var body = new ChannelMessageBody
        {
            Content = JobMessages.SafetyBlockedForModerators(job),
            AllowedMentions = new AllowedMentions([]),
        };
        try
        {
            var file = PostedImages.File(job, 0, png, "SPOILER_" + FileName(job), MessageLimits.DefaultFileBytes);
            await rest.CreateMessageAsync(new Snowflake(channel), body, [file], MessageLimits.DefaultFileBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or GenerationException)
        {
            // Best effort: the job ends Blocked whether or not the moderators' copy could be posted.
            logger.BlockedImagesNotShown(job.Id.ToString(), channel, ex.Message);
        }
    }

    // "mjbot_a_red_fox_in_snow_1a2b3c4d.png": the prompt's words before any parameter, then the job id's start.
    private static string FileName(Job job)
    {
        var words = job.Prompt.Split("--", 2)[0];
        var slug = new StringBuilder();
        foreach (var c in words)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '_')
            {
                slug.Append('_');
            }

            if (slug.Length >= 40)
            {
                break;
            }
        }

        return $"mjbot_{slug.ToString().Trim('_')}_{job.Id.ToString()[..8]}.png";
    }
}
