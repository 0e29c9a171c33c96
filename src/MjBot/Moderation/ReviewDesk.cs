using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>The path of a prompt a rule stopped. Blocked: the member gets an ephemeral sentence naming the rule's
/// category and an Appeal button. Held (a review rule) or appealed: the prompt goes to the server's review channel
/// with Approve / Deny / Ban user; the member is told it is under review, and told the outcome where they asked
/// (their interaction, while its 15 minutes last) or by direct message. Approval starts the job; every decision
/// and appeal is written to the audit log.</summary>
internal sealed class ReviewDesk(
    DiscordRestClient rest,
    IModerationStore store,
    ISettingsStore settings,
    JobService service,
    ModerationAudit audit,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ILogger<ReviewDesk> logger)
{

    /// <summary>Answers a request a rule matched: blocked, or held for review.</summary>
    public async Task StopAsync(Interaction interaction, string prompt, string backend, ModerationVerdict.Matched matched, CancellationToken cancellationToken)
    {
        var guildId = interaction.GuildId!.Value.Value;
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var hold = matched.Rule.Action == RuleAction.Review && guild.ReviewChannelId is not null;
        var now = time.GetUtcNow();
        var review = new PromptReview
        {
            Id = Guid.NewGuid().ToString("N"),
            GuildId = guildId,
            ChannelId = interaction.ChannelId?.Value ?? 0,
            UserId = interaction.Invoker!.Id.Value,
            Prompt = prompt,
            Backend = backend,
            Rule = matched.Rule,
            TimedOut = matched.TimedOut,
            Status = hold ? ReviewStatus.Pending : ReviewStatus.Blocked,
            InteractionToken = interaction.Token,
            TokenExpiresAt = InteractionTokens.ExpiryFor(now),
            CreatedAt = now,
        };
        await store.AddReviewAsync(review, cancellationToken);
        logger.PromptStopped(review.UserId, guildId, hold ? "held for review" : "blocked", matched.Rule.Category, review.Id);
        if (matched.TimedOut)
        {
            logger.RuleTimedOut(guildId);
        }

        if (hold)
        {
            await PostForModeratorsAsync(review, guild.ReviewChannelId!.Value, cancellationToken);
            await Replies.EphemeralAsync(rest, interaction, ReviewMessages.UnderReview(matched.Rule.Category), cancellationToken);
            return;
        }

        if (matched.Rule.Action == RuleAction.Review)
        {
            logger.NoReviewChannel(guildId);
            await Replies.EphemeralAsync(rest, interaction, ReviewMessages.NoReviewChannel(matched.Rule.Category), cancellationToken);
            return;
        }

        var appealable = options.Value.MaxAppealsPerDay > 0 && guild.ReviewChannelId is not null;
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
        {
            Content = ReviewMessages.Blocked(matched.Rule.Category) + (appealable ? ReviewMessages.AppealHint : string.Empty),
            Flags = MessageBody.Ephemeral,
            AllowedMentions = new AllowedMentions([]),
            Components = appealable ? [ReviewMessages.AppealButton(review.Id)] : null,
        }), cancellationToken);
    }

    /// <summary>The Appeal, Approve, Deny and Ban user buttons.</summary>
    public Task PressAsync(Interaction interaction, CancellationToken cancellationToken) =>
        (interaction.Data?.CustomId ?? string.Empty).Split(':') switch
        {
            [ReviewMessages.Prefix, "appeal", var id] => AppealAsync(interaction, id, cancellationToken),
            [ReviewMessages.Prefix, var decision, var id] when decision is "approve" or "deny" or "ban" => DecideAsync(interaction, decision, id, cancellationToken),
            _ => Replies.EphemeralAsync(rest, interaction, "This button is from an older MjBot and no longer works.", cancellationToken),
        };

    private async Task AppealAsync(Interaction interaction, string id, CancellationToken cancellationToken)
    {
        var userId = interaction.Invoker!.Id.Value;
        if (await store.GetReviewAsync(id, cancellationToken) is not { } review || review.UserId != userId)
        {
            await Replies.EphemeralAsync(rest, interaction, "That appeal is not yours, or no longer known.", cancellationToken);
            return;
        }

        var guild = await settings.GetGuildAsync(review.GuildId, cancellationToken);
        var now = time.GetUtcNow();
        var max = options.Value.MaxAppealsPerDay;
        string? refusal = review.Status != ReviewStatus.Blocked ? "This prompt was already appealed."
            : guild.ReviewChannelId is null ? "This server has no review channel, so appeals cannot be sent; please ask a moderator."
            : await store.CountAppealsAsync(review.GuildId, userId, now - TimeSpan.FromDays(1), cancellationToken) >= max ? $"You have used your {max} appeals for today on this server; try again tomorrow."
            : null;
        if (refusal is not null)
        {
            await Replies.EphemeralAsync(rest, interaction, refusal, cancellationToken);
            return;
        }

        var appealed = review with { Status = ReviewStatus.Pending, Appealed = true, InteractionToken = interaction.Token, TokenExpiresAt = InteractionTokens.ExpiryFor(now) };
        if (!await store.UpdateReviewAsync(appealed, ReviewStatus.Blocked, cancellationToken))
        {
            await Replies.EphemeralAsync(rest, interaction, "This prompt was already appealed.", cancellationToken);
            return;
        }

        await audit.RecordAsync(review.GuildId, userId, ModerationLogEntry.AppealAction, $"review {review.Id} ({review.Rule.Category})", cancellationToken);
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, new InteractionCallbackData { Content = ReviewMessages.AppealSent, Components = [] }), cancellationToken);
        await PostForModeratorsAsync(appealed, guild.ReviewChannelId!.Value, cancellationToken);
    }

    private async Task DecideAsync(Interaction interaction, string decision, string id, CancellationToken cancellationToken)
    {
        if (!Moderators.IsModerator(interaction))
        {
            await Replies.EphemeralAsync(rest, interaction, "Only moderators can decide reviews.", cancellationToken);
            return;
        }

        if (await store.GetReviewAsync(id, cancellationToken) is not { } review)
        {
            await Replies.EphemeralAsync(rest, interaction, "That review is no longer known to MjBot.", cancellationToken);
            return;
        }

        if (review.Status != ReviewStatus.Pending)
        {
            await Replies.EphemeralAsync(rest, interaction, $"Already decided: {review.Status.ToString().ToLowerInvariant()}.", cancellationToken);
            return;
        }

        var moderatorId = interaction.Invoker!.Id.Value;
        var parsed = PromptParser.Parse(review.Prompt) as PromptParseResult.Success;
        var count = parsed?.Jobs.Length ?? 1;
        if (decision == "approve" && !service.TryReserve(review.UserId, count, out _))
        {
            await Replies.EphemeralAsync(rest, interaction, "The member's queue is full right now; press Approve again in a moment.", cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var decided = review with { Status = decision == "approve" ? ReviewStatus.Approved : ReviewStatus.Denied, DecidedBy = moderatorId, DecidedAt = now };
        if (!await store.UpdateReviewAsync(decided, ReviewStatus.Pending, cancellationToken))
        {
            if (decision == "approve")
            {
                service.Release(review.UserId, count);
            }

            await Replies.EphemeralAsync(rest, interaction, "Another moderator decided this one a moment ago.", cancellationToken);
            return;
        }

        var (outcome, memberText) = decision switch
        {
            "approve" => ("Approved", ReviewMessages.Approved(review.ChannelId)),
            "ban" => ("Denied and banned", ReviewMessages.DeniedAndBanned),
            _ => ("Denied", ReviewMessages.Denied),
        };
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, ReviewMessages.Decided(review, outcome, moderatorId)), cancellationToken);
        if (decision == "ban")
        {
            await store.BanAsync(new MemberBan(review.GuildId, review.UserId, "from a review", moderatorId, now), cancellationToken);
            await audit.RecordAsync(review.GuildId, moderatorId, "mjban add", $"<@{review.UserId}> from review {review.Id}", cancellationToken);
        }

        await audit.RecordAsync(review.GuildId, moderatorId, $"review {decision}", $"review {review.Id} from <@{review.UserId}> ({review.Rule.Category})", cancellationToken);
        if (decision == "approve")
        {
            await StartApprovedAsync(review, parsed, count, now, cancellationToken);
        }

        await TellMemberAsync(interaction.ApplicationId, review, memberText, now, cancellationToken);
    }

    // Every job the approved prompt makes (permutations × --repeat), each with its own prompt; reservations not
    // turned into jobs are given back.
    private async Task StartApprovedAsync(PromptReview review, PromptParseResult.Success? parsed, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var handedOver = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var prompt = parsed?.PromptOfJob(i, review.Prompt) ?? review.Prompt;
                var job = NewJob.ForMember(review.GuildId, review.ChannelId, review.UserId, JobKind.Imagine, prompt, review.Backend, parsed?.Jobs[i].Parameters.Seed, now);
                job = job with { StatusMessageId = await service.PostStatusAsync(job, cancellationToken) };
                handedOver++;
                await service.SubmitAsync(job, cancellationToken);
            }
        }
        finally
        {
            service.Release(review.UserId, count - handedOver);
        }
    }

    private async Task PostForModeratorsAsync(PromptReview review, ulong channelId, CancellationToken cancellationToken)
    {
        var message = await rest.CreateMessageAsync(new Snowflake(channelId), ReviewMessages.ForModerators(review), null, MessageLimits.DefaultFileBytes, cancellationToken);
        await store.UpdateReviewAsync(review with { ReviewMessageId = message.Id.Value }, ReviewStatus.Pending, cancellationToken);
    }

    // Where they asked while the interaction lasts (its ephemeral reply is edited), else by direct message.
    private async Task TellMemberAsync(Snowflake applicationId, PromptReview review, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (review.TokenValidAt(now) && review.InteractionToken is { } token)
            {
                await rest.EditOriginalAsync(applicationId, token, new MessageBody { Content = text, Components = [], AllowedMentions = new AllowedMentions([]) }, null, MessageLimits.DefaultFileBytes, cancellationToken);
                return;
            }

            var dm = await rest.CreateDmAsync(new Snowflake(review.UserId), cancellationToken);
            await rest.CreateMessageAsync(dm.Id, new ChannelMessageBody { Content = text, AllowedMentions = new AllowedMentions([]) }, null, MessageLimits.DefaultFileBytes, cancellationToken);
        }
        catch (DiscordApiException ex)
        {
            logger.MemberNotTold(review.UserId, review.Id, ex.Status, ex.Code ?? 0);
        }
    }
}
