using System.Globalization;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Core.Settings;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/settings: Midjourney's panel of toggles, the active choice in green: the backend (a select), Stylize
/// Low/Med/High/Very High (50/100/250/750), Remix mode, High/Low Variation mode, Reset. Pressing one saves it and
/// redraws the panel. Moderators also get the server's toggle that opens every job's buttons to everyone. /prefer
/// suffix sets the parameters added to every prompt.</summary>
internal sealed class SettingsCommand(DiscordRestClient rest, ISettingsStore settings, BackendRegistry backends)
{
    public const string Prefix = "mjs";
    private static readonly (string Label, int Value)[] Stylizes = [("settings.stylize_low", 50), ("settings.stylize_med", 100), ("settings.stylize_high", 250), ("settings.stylize_very_high", 750)];

    public async Task ShowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var user = await settings.GetUserAsync(interaction.Invoker!.Id.Value, cancellationToken);
        var panel = Panel(interaction.MemberLanguage(), user, await GuildRowAsync(interaction, cancellationToken));
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, panel with { Flags = MessageBody.Ephemeral }), cancellationToken);
    }

    public async Task PressAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var userId = interaction.Invoker!.Id.Value;
        var user = await settings.GetUserAsync(userId, cancellationToken);
        var parts = (interaction.Data?.CustomId ?? string.Empty).Split(':');
        if (parts is [Prefix, "open" or "guild-magic"] && Moderators.IsModerator(interaction) && interaction.GuildId is { } guildId)
        {
            var guild = await settings.GetGuildAsync(guildId.Value, cancellationToken);
            guild = parts[1] == "open" ? guild with { OpenButtons = !guild.OpenButtons } : guild with { PromptMagic = !guild.PromptMagic };
            await settings.SaveGuildAsync(guildId.Value, guild, cancellationToken);
        }

        user = parts switch
        {
            [Prefix, "backend"] when interaction.Data?.Values is [var name] && backends.Find(name) is not null => user with { Backend = name },
            [Prefix, "remix"] => user with { Remix = !user.Remix },
            [Prefix, "magic"] => user with { PromptMagic = user.PromptMagic != true },
            [Prefix, "variation"] => user with { HighVariation = !user.HighVariation },
            [Prefix, "s", var value] when int.TryParse(value, CultureInfo.InvariantCulture, out var s) => user with { Stylize = user.Stylize == s ? null : s },
            [Prefix, "reset"] => UserSettings.Default,
            _ => user,
        };
        await settings.SaveUserAsync(userId, user, cancellationToken);
        await rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, Panel(interaction.MemberLanguage(), user, await GuildRowAsync(interaction, cancellationToken))), cancellationToken);
    }

    public async Task PreferSuffixAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var suffix = CommandOptions.String(interaction, "value")?.Trim();
        if (suffix is { Length: > 0 } && PromptParser.Parse("suffix check " + suffix) is PromptParseResult.Failure failure)
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.suffix_breaks", ("error", PromptErrors.Describe(failure.Error, interaction.MemberLanguage()))), cancellationToken);
            return;
        }

        var userId = interaction.Invoker!.Id.Value;
        var user = await settings.GetUserAsync(userId, cancellationToken);
        await settings.SaveUserAsync(userId, user with { Suffix = string.IsNullOrEmpty(suffix) ? null : suffix }, cancellationToken);
        await Replies.EphemeralAsync(rest, interaction, string.IsNullOrEmpty(suffix) ? interaction.MemberLanguage().Text("settings.suffix_cleared") : interaction.MemberLanguage().Text("settings.suffix_set", ("suffix", suffix.Replace('`', '\''))), cancellationToken);
    }

    // Moderators also see the server's setting: whether anyone may press any job's buttons.
    private async Task<Component?> GuildRowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (!Moderators.IsModerator(interaction) || interaction.GuildId is not { } guildId)
        {
            return null;
        }

        var guild = await settings.GetGuildAsync(guildId.Value, cancellationToken);
        return new Component(1)
        {
            Components =
            [
                new Component(2) { Style = guild.OpenButtons ? 3 : 2, Label = interaction.MemberLanguage().Text("settings.server_open"), CustomId = $"{Prefix}:open" },
                new Component(2) { Style = guild.PromptMagic ? 3 : 2, Label = interaction.MemberLanguage().Text("settings.server_magic"), CustomId = $"{Prefix}:guild-magic" },
            ],
        };
    }

    private InteractionCallbackData Panel(Localizer l, UserSettings user, Component? guildRow)
    {
        static Component Toggle(string label, string id, bool on) => new(2) { Style = on ? 3 : 2, Label = label, CustomId = id };
        var options = backends.All.Select(b => new SelectOption(b.Name, b.Name) { Default = (user.Backend ?? string.Empty) == b.Name ? true : null }).ToList();
        return new InteractionCallbackData
        {
            Content = l.Text("settings.title"),
            Components =
            [
                new Component(1) { Components = [new Component(3) { CustomId = $"{Prefix}:backend", Placeholder = l.Text("settings.backend"), Options = options }] },
                new Component(1) { Components = [.. Stylizes.Select(s => Toggle(l.Text(s.Label), $"{Prefix}:s:{s.Value}", user.Stylize == s.Value))] },
                new Component(1)
                {
                    Components =
                    [
                        Toggle(l.Text("settings.remix"), $"{Prefix}:remix", user.Remix),
                        Toggle(l.Text(user.HighVariation ? "settings.high_variation" : "settings.low_variation"), $"{Prefix}:variation", user.HighVariation),
                        Toggle(l.Text(user.PromptMagic switch { true => "settings.magic_on", false => "settings.magic_off", null => "settings.magic_server" }), $"{Prefix}:magic", user.PromptMagic == true),
                        new Component(2) { Style = 4, Label = l.Text("settings.reset"), CustomId = $"{Prefix}:reset" },
                    ],
                },
                .. guildRow is null ? Array.Empty<Component>() : [guildRow],
            ],
        };
    }
}
