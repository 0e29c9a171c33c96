using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Interactions;

/// <summary>The ways MjBot answers an interaction: an ephemeral sentence (errors, confirmations), or a deferral that
/// shows "MjBot is thinking…" while the work goes on.</summary>
public static class Replies
{
    /// <summary>Answers with a message only the member sees; nothing in it pings anyone.</summary>
    public static Task EphemeralAsync(DiscordRestClient rest, Interaction interaction, string text, CancellationToken cancellationToken) =>
        rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
        {
            Content = text.Length > 2000 ? text[..1999] + "…" : text,
            Flags = MessageBody.Ephemeral,
            AllowedMentions = new AllowedMentions([]),
        }), cancellationToken);

    public static Task DeferAsync(DiscordRestClient rest, Interaction interaction, CancellationToken cancellationToken) =>
        rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), cancellationToken);

    /// <summary>Shows "MjBot is thinking…" to the member alone; follow with <see cref="EditAsync"/>.</summary>
    public static Task DeferEphemeralAsync(DiscordRestClient rest, Interaction interaction, CancellationToken cancellationToken) =>
        rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new InteractionCallbackData { Flags = MessageBody.Ephemeral }), cancellationToken);

    /// <summary>Takes back a public deferral ("MjBot is thinking…") and tells the member alone why: the original
    /// response is deleted and the sentence follows up as an ephemeral message.</summary>
    public static async Task WithdrawAsync(DiscordRestClient rest, Interaction interaction, string text, CancellationToken cancellationToken)
    {
        await rest.DeleteOriginalAsync(interaction.ApplicationId, interaction.Token, cancellationToken);
        await rest.FollowUpAsync(interaction.ApplicationId, interaction.Token, new MessageBody
        {
            Content = text.Length > 2000 ? text[..1999] + "…" : text,
            Flags = MessageBody.Ephemeral,
            AllowedMentions = new AllowedMentions([]),
        }, null, MessageLimits.DefaultFileBytes, cancellationToken);
    }

    /// <summary>Replaces a deferred reply with a sentence; nothing in it pings anyone.</summary>
    public static Task EditAsync(DiscordRestClient rest, Interaction interaction, string text, CancellationToken cancellationToken, IReadOnlyList<Component>? components = null) =>
        rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, new MessageBody { Content = text.Length > 2000 ? text[..1999] + "…" : text, AllowedMentions = new AllowedMentions([]), Components = components }, null, MessageLimits.DefaultFileBytes, cancellationToken);
}
