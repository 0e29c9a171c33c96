using Microsoft.Extensions.Logging;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Logging;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>Sends each interaction to its handler: commands by name, buttons and selects by custom_id prefix, remix
/// modals back to the button handler. A handler that fails is logged with the interaction id, and the member is told
/// in a sentence if the interaction had not been answered yet.</summary>
internal sealed class InteractionRouter(
    ImagineCommand imagine,
    BlendCommand blend,
    DescribeCommand describe,
    ShortenCommand shorten,
    JobButtonHandler buttons,
    InfoCommand info,
    ShowCommand show,
    SettingsCommand settingsCommand,
    ModerationCommands moderation,
    ReviewDesk reviews,
    IJobStore jobs,
    ISettingsStore settings,
    ServerLanguages languages,
    DiscordRestClient rest,
    ILogger<InteractionRouter> logger) : IInteractionHandler
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await RouteAsync(await languages.ApplyAsync(interaction, cancellationToken), cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Code == 10062)
        {
            // Nothing more can be said to the member through this interaction: one line, no stack trace.
            logger.InteractionExpired(interaction.Id.ToString(), interaction.Data?.Name ?? interaction.Data?.CustomId ?? interaction.Type.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.InteractionFailed(interaction.Id.ToString(), interaction.Data?.Name ?? interaction.Data?.CustomId ?? interaction.Type.ToString(), ex);
            await TellAsync(interaction, cancellationToken);
        }
    }

    private Task RouteAsync(Interaction interaction, CancellationToken cancellationToken) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => interaction.Data?.Name switch
        {
            "imagine" => imagine.HandleAsync(interaction, cancellationToken),
            "blend" => blend.HandleAsync(interaction, cancellationToken),
            "describe" => describe.HandleAsync(interaction, cancellationToken),
            "shorten" => shorten.HandleAsync(interaction, cancellationToken),
            "info" => info.HandleAsync(interaction, cancellationToken),
            "show" => show.HandleAsync(interaction, cancellationToken),
            "settings" => settingsCommand.ShowAsync(interaction, cancellationToken),
            "prefer" => settingsCommand.PreferSuffixAsync(interaction, cancellationToken),
            var name when moderation.Handles(name) => moderation.HandleAsync(interaction, cancellationToken),
            _ => Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.unknown_command"), cancellationToken),
        },
        InteractionType.MessageComponent when interaction.Data?.CustomId?.StartsWith(SettingsCommand.Prefix + ":", StringComparison.Ordinal) == true =>
            settingsCommand.PressAsync(interaction, cancellationToken),
        InteractionType.MessageComponent when interaction.Data?.CustomId?.StartsWith(ReviewMessages.Prefix + ":", StringComparison.Ordinal) == true =>
            reviews.PressAsync(interaction, cancellationToken),
        InteractionType.MessageComponent when interaction.Data?.CustomId?.StartsWith(DescribeCommand.Prefix + ":", StringComparison.Ordinal) == true =>
            describe.PressAsync(interaction, cancellationToken),
        InteractionType.MessageComponent when interaction.Data?.CustomId?.StartsWith(ShortenCommand.Prefix + ":", StringComparison.Ordinal) == true =>
            shorten.PressAsync(interaction, cancellationToken),
        InteractionType.MessageComponent => buttons.HandleAsync(interaction, cancellationToken),
        InteractionType.ModalSubmit => RemixAsync(interaction, cancellationToken),
        InteractionType.ApplicationCommandAutocomplete => rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData { Choices = [] }), cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task RemixAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var prompt = RemixModal.Submitted(interaction);
        if (!CustomIds.TryParse(interaction.Data?.CustomId, out var code, out var id, out var index)
            || !code.StartsWith("m-", StringComparison.Ordinal)
            || ButtonAction.Find(code[2..]) is not { } action
            || prompt is null
            || await jobs.GetAsync(id, cancellationToken) is not { } parent)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.remix_stale"), cancellationToken);
            return;
        }

        var guild = interaction.GuildId is { } g ? await settings.GetGuildAsync(g.Value, cancellationToken) : Core.Settings.GuildSettings.Default;
        if (!Moderators.MayPress(interaction, parent, guild))
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(StockReplies.NotYourButtons), cancellationToken);
            return;
        }

        var user = await settings.GetUserAsync(interaction.Invoker!.Id.Value, cancellationToken);
        await buttons.StartAsync(interaction, action, parent, index, prompt.Trim(), user.HighVariation, cancellationToken);
    }

    // Best effort: an interaction already deferred has its "thinking…" taken back; one whose 3 s passed is logged.
    private async Task TellAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.internal_error"), cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Code == 40060)
        {
            // Already answered (a deferral showing "thinking…"): take it back and say it to the member alone.
            try
            {
                await Replies.WithdrawAsync(rest, interaction, interaction.MemberLanguage().Text("reply.internal_error"), cancellationToken);
            }
            catch (DiscordApiException again)
            {
                logger.StatusEditFailed(interaction.Id.ToString(), again.Status, again.Code ?? 0);
            }
        }
        catch (DiscordApiException ex) when (ex.Code == 10062)
        {
            logger.StatusEditFailed(interaction.Id.ToString(), ex.Status, ex.Code ?? 0);
        }
    }
}
