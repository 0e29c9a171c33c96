using System.Globalization;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>Says Core's <see cref="AdmissionGate"/> verdicts to the member: a ban, a channel the bot is not enabled
/// in, a quota, or a matched rule (handed to the <see cref="ReviewDesk"/>). A request stopped here has been answered:
/// the member got a sentence.</summary>
internal sealed class ModerationGate(DiscordRestClient rest, AdmissionGate gate, ReviewDesk desk)
{
    /// <summary>Checks a request; true when it may go on.</summary>
    /// <param name="interaction">The member's interaction (not yet answered).</param>
    /// <param name="prompt">The whole prompt as it would run.</param>
    /// <param name="parsed">The parsed prompt.</param>
    /// <param name="backend">The backend it would run on.</param>
    /// <param name="jobCount">How many jobs it starts.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <param name="hold">Whether a prompt a review rule stops is held for the moderators (its approval starts the
    /// jobs); a command that makes no job (/shorten) refuses it instead.</param>
    public async Task<bool> AdmitAsync(Interaction interaction, string prompt, PromptParseResult.Success parsed, string backend, int jobCount, CancellationToken cancellationToken, bool hold = true)
    {
        switch (await gate.AdmitAsync(Moderators.MemberOf(interaction), ModeratedText.Of(parsed), jobCount, cancellationToken))
        {
            case AdmissionVerdict.Pass:
                return true;
            case AdmissionVerdict.Stopped when !hold:
                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("gate.needs_review"), cancellationToken);
                return false;
            case AdmissionVerdict.Stopped stopped:
                await desk.StopAsync(interaction, prompt, backend, stopped.Match, cancellationToken);
                return false;
            case var refused:
                await Replies.EphemeralAsync(rest, interaction, Sentence(interaction.MemberLanguage(), refused), cancellationToken);
                return false;
        }
    }

    /// <summary>The ban, channel and quota checks alone, for buttons that start jobs from an approved prompt.</summary>
    /// <returns>The sentence that refuses the member, or null when they may go on.</returns>
    public async Task<string?> RefusalAsync(Interaction interaction, int jobCount, CancellationToken cancellationToken)
    {
        var verdict = await gate.CheckMemberAsync(Moderators.MemberOf(interaction), jobCount, cancellationToken);
        return verdict is AdmissionVerdict.Pass ? null : Sentence(interaction.MemberLanguage(), verdict);
    }

    private static string Sentence(Localizer l, AdmissionVerdict verdict) => verdict switch
    {
        AdmissionVerdict.Banned { Reason: { } reason } => l.Text("gate.banned_reason", ("reason", reason)),
        AdmissionVerdict.Banned => l.Text("gate.banned"),
        AdmissionVerdict.ChannelNotAllowed channels => l.Text("gate.channel", ("channels", string.Join(", ", channels.AllowedChannelIds.Select(static c => $"<#{c}>")))),
        AdmissionVerdict.QuotaReached quota => l.Text(
            "gate.quota",
            ("limit", l.Text("quota." + quota.Quota.Window, ("n", quota.Quota.Limit))),
            ("when", $"<t:{quota.Quota.RetryAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>")),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a refusal."),
    };
}
