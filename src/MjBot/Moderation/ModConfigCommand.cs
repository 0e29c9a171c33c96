using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Settings;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>/modconfig show|review-channel|quota|exempt-role|channel|safety|provider-moderation|language: where held
/// prompts go, per-member quotas and cooldown, roles exempt from them, the channels MjBot answers in, what happens to
/// flagged images, how strictly the image provider's own moderation reads prompts, and the language of its public
/// messages.</summary>
internal sealed class ModConfigCommand(DiscordRestClient rest, ISettingsStore settings, ModerationAudit audit, ServerLanguages languages, IEnumerable<IImageSafetyChecker> checkers)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await ModeratorAccess.GuildAsync(rest, interaction, "modconfig", cancellationToken) is not { } guildId)
        {
            return;
        }

        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var sub = CommandOptions.Subcommand(interaction);
        // The audit entry is written in the server's language: the moderators who read /modlog share it.
        var log = interaction.ServerLanguage();
        var (changed, detail) = sub switch
        {
            "review-channel" => ReviewChannel(log, guild, CommandOptions.Id(interaction, "channel")),
            "quota" => Quota(log, guild, CommandOptions.Integer(interaction, "per_hour"), CommandOptions.Integer(interaction, "per_day"), CommandOptions.Integer(interaction, "cooldown_seconds")),
            "exempt-role" when CommandOptions.Id(interaction, "role") is { } role => (guild with { ExemptRoleIds = Toggle(guild.ExemptRoleIds, role) }, log.Text("audit.exempt_role", ("role", $"<@&{role}>"))),
            "channel" when CommandOptions.Id(interaction, "channel") is { } channel => (guild with { AllowedChannelIds = Toggle(guild.AllowedChannelIds, channel) }, log.Text("audit.channel", ("channel", $"<#{channel}>"))),
            "language" when CommandOptions.String(interaction, "language") is { } chosen => Language(guild, chosen),
            "safety" when SafetyPolicyOf(CommandOptions.String(interaction, "policy")) is { } policy => (guild with { SafetyPolicy = policy }, NameOf(policy)),
            "provider-moderation" when CommandOptions.String(interaction, "level") is "auto" or "low" => ProviderLevel(guild, CommandOptions.String(interaction, "level")!),
            _ => (guild, null),
        };
        if (detail is not null)
        {
            await settings.SaveGuildAsync(guildId, changed, cancellationToken);
            languages.Chosen(guildId, changed.Language);
            await audit.RecordAsync(guildId, interaction.Invoker!.Id.Value, $"modconfig {sub}", detail, cancellationToken);
        }

        await Replies.EphemeralAsync(rest, interaction, Show(interaction.MemberLanguage(), changed, checkers.Any()), cancellationToken);
    }

    private static (GuildSettings, string?) ProviderLevel(GuildSettings guild, string level) =>
        (guild with { ProviderModeration = level == "low" ? ProviderModeration.Low : ProviderModeration.Auto }, level);

    private static SafetyPolicy? SafetyPolicyOf(string? name) => name switch
    {
        "block" => SafetyPolicy.Block,
        "spoiler" => SafetyPolicy.Spoiler,
        "age-restricted" => SafetyPolicy.AgeRestricted,
        _ => null,
    };

    private static string NameOf(SafetyPolicy policy) => policy switch
    {
        SafetyPolicy.Spoiler => "spoiler",
        SafetyPolicy.AgeRestricted => "age-restricted",
        _ => "block",
    };

    // "discord" follows the server's Discord language again; a code the catalogue lacks is not offered by Discord.
    private static (GuildSettings, string?) Language(GuildSettings guild, string chosen) =>
        chosen == "discord" || !MessageCatalogue.Default.Locales.Contains(chosen)
            ? (guild with { Language = null }, "discord")
            : (guild with { Language = chosen }, chosen);

    private static (GuildSettings, string?) ReviewChannel(Localizer log, GuildSettings guild, ulong? channel) =>
        (guild with { ReviewChannelId = channel }, channel is { } c ? $"<#{c}>" : log.Text("audit.cleared"));

    // Omitted numbers keep their value; 0 clears a limit.
    private static (GuildSettings, string?) Quota(Localizer log, GuildSettings guild, long? perHour, long? perDay, long? cooldown)
    {
        static int? Pick(long? given, int? current) => given switch { null => current, 0 => null, var n => (int)n };
        var quota = new JobQuota(Pick(perHour, guild.Quota.PerHour), Pick(perDay, guild.Quota.PerDay), Pick(cooldown, guild.Quota.CooldownSeconds));
        return (guild with { Quota = quota }, Describe(log, quota));
    }

    private static IReadOnlyList<ulong> Toggle(IReadOnlyList<ulong> ids, ulong id) => ids.Contains(id) ? [.. ids.Where(i => i != id)] : [.. ids, id];

    private static string Show(Localizer l, GuildSettings guild, bool checker) => string.Join('\n',
        l.Text("modconfig.title"),
        l.Text("modconfig.review_channel", ("channel", guild.ReviewChannelId is { } r ? $"<#{r}>" : l.Text("modconfig.review_none"))),
        l.Text("modconfig.quota", ("quota", Describe(l, guild.Quota))),
        l.Text("modconfig.exempt", ("roles", guild.ExemptRoleIds.Count == 0 ? l.Text("modconfig.none") : string.Join(", ", guild.ExemptRoleIds.Select(static r => $"<@&{r}>")))),
        l.Text("modconfig.channels", ("channels", guild.AllowedChannelIds.Count == 0 ? l.Text("modconfig.every_channel") : string.Join(", ", guild.AllowedChannelIds.Select(static c => $"<#{c}>")))),
        l.Text(guild.Metaprompt is null ? "modconfig.metaprompt_default" : "modconfig.metaprompt_own"),
        checker || guild.SafetyPolicy is not null
            ? l.Text(checker ? "modconfig.safety" : "modconfig.safety_missing", ("policy", l.Text("choice." + NameOf(guild.SafetyPolicy ?? SafetyPolicy.Block))))
            : l.Text("modconfig.safety_none"),
        l.Text("modconfig.provider_moderation", ("level", l.Text(guild.ProviderModeration == ProviderModeration.Low ? "choice.low" : "choice.auto"))),
        l.Text("modconfig.language", ("language", l.Text("choice." + (guild.Language ?? "discord")))));

    // The quota in a reader's language: the moderator's in the reply, the server's in the audit log.
    private static string Describe(Localizer l, JobQuota quota) => quota.IsLimited
        ? string.Join(", ", new[]
        {
            quota.PerHour is { } h ? l.Text("modconfig.per_hour", ("n", h)) : null,
            quota.PerDay is { } d ? l.Text("modconfig.per_day", ("n", d)) : null,
            quota.CooldownSeconds is { } c ? l.Text("modconfig.cooldown", ("n", c)) : null,
        }.Where(static s => s is not null))
        : l.Text("modconfig.no_limits");
}
