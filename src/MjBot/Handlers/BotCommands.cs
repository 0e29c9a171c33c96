using System.Text.Json;
using MjBot.Core.Localization;
using MjBot.Discord.Models;

namespace MjBot.Handlers;

/// <summary>MjBot's slash commands, registered with one bulk overwrite when they change, with their names and
/// descriptions in every language of the message catalogue (Discord shows each member their own).</summary>
internal static class BotCommands
{
    public const int StringOption = 3;
    public const int SubcommandOption = 1;
    public const int IntegerOption = 4;
    public const int UserOption = 6;
    public const int ChannelOption = 7;
    public const int RoleOption = 8;
    public const int AttachmentOption = 11;

    private static readonly AutocompleteChoice[] Modes = Choices("word", "phrase", "regex");
    private static readonly AutocompleteChoice[] Actions = Choices("block", "review");
    private static readonly AutocompleteChoice[] OnOff = Choices("on", "off");

    // "discord" follows the server's Discord language; then every language of the catalogue, by its own name.
    private static readonly AutocompleteChoice[] SafetyPolicies = Choices("block", "spoiler", "age-restricted");
    private static readonly AutocompleteChoice[] ModerationLevels = Choices("auto", "low");
    private static readonly AutocompleteChoice[] Dimensions = Choices("portrait", "square", "landscape");

    private static readonly AutocompleteChoice[] Languages = Choices(["discord", .. MessageCatalogue.Default.Locales]);

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        Command("imagine") with
        {
            Options = [Option(StringOption, "imagine.prompt") with { Required = true, MaxLength = 6000 }, Option(AttachmentOption, "imagine.image")],
        },
        Command("blend") with
        {
            Options =
            [
                .. BlendCommand.ImageOptions.Select((n, i) => Option(AttachmentOption, "blend." + n) with { Required = i < 2 }),
                Option(StringOption, "blend.dimensions") with { Choices = Dimensions },
            ],
        },
        Command("describe") with
        {
            Options = [Option(AttachmentOption, "describe.image"), Option(StringOption, "describe.link") with { MaxLength = 1000 }],
        },
        Command("shorten") with
        {
            Options = [Option(StringOption, "shorten.prompt") with { Required = true, MaxLength = ShortenCommand.MaxPromptLength }],
        },
        Command("info"),
        Command("show") with
        {
            Options = [Option(StringOption, "show.job_id") with { Required = true, MinLength = 32, MaxLength = 32 }],
        },
        Command("settings"),
        Command("prefer") with
        {
            Options = [Sub("prefer.suffix", [Option(StringOption, "prefer.suffix.value") with { MaxLength = 200 }])],
        },
        Moderation("disallow",
        [
            Sub("disallow.add",
            [
                Option(StringOption, "disallow.add.term") with { Required = true, MaxLength = 200 },
                Option(StringOption, "disallow.add.mode") with { Choices = Modes },
                Option(StringOption, "disallow.add.action") with { Choices = Actions },
                Option(StringOption, "disallow.add.category") with { MaxLength = 60 },
            ]),
            Sub("disallow.remove", [Option(StringOption, "disallow.remove.term") with { Required = true, MaxLength = 200 }]),
            Sub("disallow.list"),
            Sub("disallow.import", [Option(AttachmentOption, "disallow.import.file") with { Required = true }]),
            Sub("disallow.export"),
            Sub("disallow.defaults", [Option(StringOption, "disallow.defaults.use") with { Required = true, Choices = OnOff }]),
            Sub("disallow.test", [Option(StringOption, "disallow.test.prompt") with { Required = true, MaxLength = 6000 }]),
        ]),
        Moderation("metaprompt",
        [
            Sub("metaprompt.set", [Option(StringOption, "metaprompt.set.text") with { Required = true, MaxLength = 1500 }]),
            Sub("metaprompt.show"),
            Sub("metaprompt.reset"),
        ]),
        Moderation("mjban",
        [
            Sub("mjban.add", [Option(UserOption, "mjban.add.user") with { Required = true }, Option(StringOption, "mjban.add.reason") with { MaxLength = 200 }]),
            Sub("mjban.remove", [Option(UserOption, "mjban.remove.user") with { Required = true }]),
            Sub("mjban.list"),
        ]),
        Moderation("modlog",
        [
            Sub("modlog.show", [Option(IntegerOption, "modlog.show.count") with { MinValue = 1, MaxValue = 50 }]),
        ]),
        Moderation("modconfig",
        [
            Sub("modconfig.show"),
            Sub("modconfig.review-channel", [Option(ChannelOption, "modconfig.review-channel.channel")]),
            Sub("modconfig.quota", [Option(IntegerOption, "modconfig.quota.per_hour") with { MinValue = 0, MaxValue = 1000 }, Option(IntegerOption, "modconfig.quota.per_day") with { MinValue = 0, MaxValue = 10000 }, Option(IntegerOption, "modconfig.quota.cooldown_seconds") with { MinValue = 0, MaxValue = 86400 }]),
            Sub("modconfig.exempt-role", [Option(RoleOption, "modconfig.exempt-role.role") with { Required = true }]),
            Sub("modconfig.channel", [Option(ChannelOption, "modconfig.channel.channel") with { Required = true }]),
            Sub("modconfig.safety", [Option(StringOption, "modconfig.safety.policy") with { Required = true, Choices = SafetyPolicies }]),
            Sub("modconfig.provider-moderation", [Option(StringOption, "modconfig.provider-moderation.level") with { Required = true, Choices = ModerationLevels }]),
            Sub("modconfig.language", [Option(StringOption, "modconfig.language.language") with { Required = true, Choices = Languages }]),
        ]),
    ];

    // Names, descriptions and their translations come from the message catalogue: command.{path}.name and
    // command.{path}.description, the path being the command, subcommand and option names joined with dots.
    private static ApplicationCommand Command(string name) => new(Text(name, "name", MessageCatalogue.English), Text(name, "description", MessageCatalogue.English))
    {
        Type = 1,
        Contexts = [0],
        NameLocalizations = Translations(name, "name"),
        DescriptionLocalizations = Translations(name, "description"),
    };

    // Moderator commands: hidden from members without Manage Server by default, and checked again on every call
    // (server admins can grant a command to anyone in Server Settings → Integrations).
    private static ApplicationCommand Moderation(string name, IReadOnlyList<ApplicationCommandOption> subcommands) =>
        Command(name) with { DefaultMemberPermissions = new Permissions(Permissions.ManageGuild), Options = subcommands };

    private static ApplicationCommandOption Option(int type, string path) => new(type, Text(path, "name", MessageCatalogue.English), Text(path, "description", MessageCatalogue.English))
    {
        NameLocalizations = Translations(path, "name"),
        DescriptionLocalizations = Translations(path, "description"),
    };

    private static ApplicationCommandOption Sub(string path, IReadOnlyList<ApplicationCommandOption>? options = null) =>
        Option(SubcommandOption, path) with { Options = options ?? [] };

    private static AutocompleteChoice[] Choices(params string[] values) =>
        [.. values.Select(static v => new AutocompleteChoice(MessageCatalogue.Default.Text(MessageCatalogue.English, "choice." + v, []), JsonDocument.Parse($"\"{v}\"").RootElement.Clone())
        {
            NameLocalizations = Others().ToDictionary(static l => l, l => MessageCatalogue.Default.Text(l, "choice." + v, [])),
        })];

    private static string Text(string path, string part, string locale) => MessageCatalogue.Default.Text(locale, $"command.{path}.{part}", []);

    private static Dictionary<string, string> Translations(string path, string part) =>
        Others().ToDictionary(static l => l, l => Text(path, part, l));

    // The catalogue's languages other than English are Discord locales as they are (ko, ja).
    private static IEnumerable<string> Others() => MessageCatalogue.Default.Locales.Where(static l => l != MessageCatalogue.English);
}
