using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>The texts and buttons of the review flow: what the member sees (the rule's category, never the term) and
/// what moderators see in the review channel (the rule itself, the whole prompt, Approve / Deny / Ban user).</summary>
internal static class ReviewMessages
{
    public const string Prefix = "mjm";

    public static string Blocked(Localizer l, string category) => l.Text("review.blocked", ("category", Category(l, category)));

    public static string AppealHint(Localizer l) => "\n" + l.Text("review.appeal_hint");

    public static string UnderReview(Localizer l, string category) => l.Text("review.under_review", ("category", Category(l, category)));

    public static string NoReviewChannel(Localizer l, string category) => l.Text("review.no_channel", ("category", Category(l, category)));

    public static string AppealSent(Localizer l) => l.Text("review.appeal_sent");

    /// <summary>A rule's category for members: the built-in list's categories in their language, a server's own as
    /// its moderators wrote it.</summary>
    public static string Category(Localizer l, string category) => DefaultDisallowList.CategoryText(category).Text(l);

    public static string Approved(Localizer l, ulong channelId) => l.Text("review.approved", ("channel", channelId));

    public static Component AppealButton(Localizer l, string reviewId) =>
        new(1) { Components = [new Component(2) { Style = 2, Label = l.Text("review.appeal_button"), CustomId = $"{Prefix}:appeal:{reviewId}" }] };

    /// <summary>The review channel's message for a held prompt.</summary>
    public static ChannelMessageBody ForModerators(Localizer l, PromptReview review) => new()
    {
        Content = Summary(l, review),
        AllowedMentions = new AllowedMentions([]),
        Components =
        [
            new Component(1)
            {
                Components =
                [
                    new Component(2) { Style = 3, Label = l.Text("desk.approve"), CustomId = $"{Prefix}:approve:{review.Id}" },
                    new Component(2) { Style = 2, Label = l.Text("desk.deny"), CustomId = $"{Prefix}:deny:{review.Id}" },
                    new Component(2) { Style = 4, Label = l.Text("desk.ban"), CustomId = $"{Prefix}:ban:{review.Id}" },
                ],
            },
        ],
    };

    /// <summary>The review channel's message once decided: the summary, the outcome and who decided, no buttons.</summary>
    public static InteractionCallbackData Decided(Localizer l, PromptReview review, string outcome, ulong moderatorId) => new()
    {
        Content = Summary(l, review) + "\n" + l.Text("desk.decided", ("outcome", l.Text(outcome)), ("moderator", moderatorId)),
        AllowedMentions = new AllowedMentions([]),
        Components = [],
    };

    private static string Summary(Localizer l, PromptReview review)
    {
        var prompt = review.Prompt.Replace("```", "'''", StringComparison.Ordinal);
        if (prompt.Length > 1500)
        {
            prompt = prompt[..1500] + "…";
        }

        var why = l.Text(review.Appealed ? "desk.appeal" : "desk.held");
        var rule = l.Text(
            review.TimedOut ? "desk.rule_slow" : "desk.rule",
            ("term", review.Rule.Term.Replace('`', '\'')),
            ("mode", review.Rule.Mode.ToString().ToLowerInvariant()),
            ("action", review.Rule.Action.ToString().ToLowerInvariant()),
            ("category", Category(l, review.Rule.Category)));
        return l.Text("desk.from", ("why", why), ("user", review.UserId), ("channel", review.ChannelId)) + "\n" + rule + $"\n```\n{prompt}\n```";
    }
}
