using Microsoft.Extensions.Logging;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
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
    ReviewBook book,
    JobService service,
    TimeProvider time,
    ILogger<ReviewDesk> logger)
{
    /// <summary>Answers a request a rule matched: blocked, or held for review.</summary>
    public async Task StopAsync(Interaction interaction, string prompt, string backend, ModerationVerdict.Matched matched, CancellationToken cancellationToken)
    {
        var opened = await book.OpenAsync(Moderators.MemberOf(interaction), prompt, backend, matched, interaction.Token, cancellationToken);
        var review = opened.Review;
        logger.PromptStopped(review.UserId, review.GuildId, opened.Held ? "held for review" : "blocked", matched.Rule.Category, review.Id);
        if (matched.TimedOut)
        {
            logger.RuleTimedOut(review.GuildId);
        }

        if (opened.Held)
        {
            await PostForModeratorsAsync(interaction.ServerLanguage(), review, opened.ReviewChannelId!.Value, cancellationToken);
            await Replies.EphemeralAsync(rest, interaction, ReviewMessages.UnderReview(interaction.MemberLanguage(), matched.Rule.Category), cancellationToken);
            return;
        }

        if (opened.ReviewRuleWithoutChannel)
        {
            logger.NoReviewChannel(review.GuildId);
            await Replies.EphemeralAsync(rest, interaction, ReviewMessages.NoReviewChannel(interaction.MemberLanguage(), matched.Rule.Category), cancellationToken);
            return;
        }

        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
        {
            Content = ReviewMessages.Blocked(interaction.MemberLanguage(), matched.Rule.Category) + (opened.Appealable ? ReviewMessages.AppealHint(interaction.MemberLanguage()) : string.Empty),
            Flags = MessageBody.Ephemeral,
            AllowedMentions = new AllowedMentions([]),
            Components = opened.Appealable ? [ReviewMessages.AppealButton(interaction.MemberLanguage(), review.Id)] : null,
        }), cancellationToken);
    }

    /// <summary>The Appeal, Approve, Deny and Ban user buttons.</summary>
    public Task PressAsync(Interaction interaction, CancellationToken cancellationToken) =>
        (interaction.Data?.CustomId ?? string.Empty).Split(':') switch
        {
            [ReviewMessages.Prefix, "appeal", var id] => AppealAsync(interaction, id, cancellationToken),
            [ReviewMessages.Prefix, "approve", var id] => DecideAsync(interaction, ReviewDecision.Approve, id, cancellationToken),
            [ReviewMessages.Prefix, "deny", var id] => DecideAsync(interaction, ReviewDecision.Deny, id, cancellationToken),
            [ReviewMessages.Prefix, "ban", var id] => DecideAsync(interaction, ReviewDecision.Ban, id, cancellationToken),
            _ => Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(StockReplies.UnknownButton), cancellationToken),
        };

    private async Task AppealAsync(Interaction interaction, string id, CancellationToken cancellationToken)
    {
        switch (await book.AppealAsync(id, interaction.Invoker!.Id.Value, interaction.Token, cancellationToken))
        {
            case AppealVerdict.Accepted accepted:
                await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, new InteractionCallbackData { Content = ReviewMessages.AppealSent(interaction.MemberLanguage()), Components = [] }), cancellationToken);
                await PostForModeratorsAsync(interaction.ServerLanguage(), accepted.Review, accepted.ReviewChannelId, cancellationToken);
                return;
            case var refused:
                await Replies.EphemeralAsync(rest, interaction, refused switch
                {
                    AppealVerdict.NotYours => interaction.MemberLanguage().Text("review.appeal_not_yours"),
                    AppealVerdict.NoReviewChannel => interaction.MemberLanguage().Text("review.appeal_no_channel"),
                    AppealVerdict.LimitReached limit => interaction.MemberLanguage().Text("review.appeal_limit", ("max", limit.Max)),
                    _ => interaction.MemberLanguage().Text("review.appeal_again"),
                }, cancellationToken);
                return;
        }
    }

    private async Task DecideAsync(Interaction interaction, ReviewDecision decision, string id, CancellationToken cancellationToken)
    {
        var moderatorId = interaction.Invoker!.Id.Value;
        var verdict = await book.DecideAsync(id, Moderators.IsModerator(interaction), decision, moderatorId, cancellationToken);
        if (verdict is not DecisionVerdict.Decided decided)
        {
            var l = interaction.MemberLanguage();
            await Replies.EphemeralAsync(rest, interaction, verdict switch
            {
                DecisionVerdict.NotModerator => l.Text("desk.not_moderator"),
                DecisionVerdict.Unknown => l.Text("desk.unknown"),
                DecisionVerdict.AlreadyDecided already => l.Text("desk.already", ("status", l.Text("desk.status." + already.Status.ToString().ToLowerInvariant()))),
                DecisionVerdict.QueueFull => l.Text("desk.queue_full"),
                _ => l.Text("desk.raced"),
            }, cancellationToken);
            return;
        }

        var review = decided.Review;
        var (outcome, memberText) = decision switch
        {
            ReviewDecision.Approve => ("desk.approved", ReviewMessages.Approved(MessageCatalogue.Default.For(review.Locale), review.ChannelId)),
            ReviewDecision.Ban => ("desk.denied_banned", MessageCatalogue.Default.For(review.Locale).Text("review.denied_banned")),
            _ => ("desk.denied", MessageCatalogue.Default.For(review.Locale).Text("review.denied")),
        };
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, ReviewMessages.Decided(interaction.ServerLanguage(), review, outcome, moderatorId)), cancellationToken);
        var now = time.GetUtcNow();
        if (decision == ReviewDecision.Approve)
        {
            await StartApprovedAsync(review, decided.Parsed, decided.JobCount, now, cancellationToken);
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

    private async Task PostForModeratorsAsync(Localizer l, PromptReview review, ulong channelId, CancellationToken cancellationToken)
    {
        var message = await rest.CreateMessageAsync(new Snowflake(channelId), ReviewMessages.ForModerators(l, review), null, MessageLimits.DefaultFileBytes, cancellationToken);
        await book.AttachReviewMessageAsync(review, message.Id.Value, cancellationToken);
    }

    // Where they asked while the interaction lasts (its ephemeral reply is edited), else by direct message.
    private async Task TellMemberAsync(Snowflake applicationId, PromptReview review, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (review.InteractionToken?.UsableAt(now) is { } token)
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
