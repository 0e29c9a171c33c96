using System.Text.Json;
using MjBot.Discord.Models;

namespace MjBot.Handlers;

/// <summary>MjBot's slash commands, registered with one bulk overwrite when they change.</summary>
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

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new("imagine", "Create images with a prompt")
        {
            Type = 1,
            Contexts = [0],
            Options = [new ApplicationCommandOption(StringOption, "prompt", "The prompt, with --parameters (e.g. --ar 16:9 --no trees)") { Required = true, MaxLength = 6000 }],
        },
        new("info", "Your running and waiting jobs, today's usage and the queue") { Type = 1, Contexts = [0] },
        new("show", "Post a past job again, with its buttons")
        {
            Type = 1,
            Contexts = [0],
            Options = [new ApplicationCommandOption(StringOption, "job_id", "The job's id (from /info or the ✉️ DM)") { Required = true, MinLength = 32, MaxLength = 32 }],
        },
        new("settings", "Your defaults: backend, stylize, remix, variation strength") { Type = 1, Contexts = [0] },
        new("prefer", "Your preferences")
        {
            Type = 1,
            Contexts = [0],
            Options =
            [
                new ApplicationCommandOption(SubcommandOption, "suffix", "Parameters added to the end of every prompt (leave empty to clear)")
                {
                    Options = [new ApplicationCommandOption(StringOption, "value", "e.g. --ar 3:2 --s 250") { MaxLength = 200 }],
                },
            ],
        },
        Moderation("disallow", "This server's disallow list (Manage Server)",
        [
            Sub("add", "Add a word, phrase or pattern",
            [
                new(StringOption, "term", "The word, phrase or regular expression") { Required = true, MaxLength = 200 },
                new(StringOption, "mode", "How it matches (default: word)") { Choices = Modes },
                new(StringOption, "action", "Block it, or hold prompts for review (default: block)") { Choices = Actions },
                new(StringOption, "category", "What members are told it is about (default: this server's rules)") { MaxLength = 60 },
            ]),
            Sub("remove", "Remove a term", [new(StringOption, "term", "The term, as listed") { Required = true, MaxLength = 200 }]),
            Sub("list", "Show the list"),
            Sub("import", "Add rules from a file made by /disallow export (or one word per line)", [new(AttachmentOption, "file", "A .json or .txt file") { Required = true }]),
            Sub("export", "Download the list as a file"),
            Sub("defaults", "Use the built-in list (violence, nudity, adult themes …) or not", [new(StringOption, "use", "on or off") { Required = true, Choices = OnOff }]),
            Sub("test", "Check a prompt against the list without running it", [new(StringOption, "prompt", "The prompt") { Required = true, MaxLength = 6000 }]),
        ]),
        Moderation("metaprompt", "Text put before prompts for OpenAI models (Manage Server)",
        [
            Sub("set", "Set this server's metaprompt", [new(StringOption, "text", "The metaprompt") { Required = true, MaxLength = 1500 }]),
            Sub("show", "Show the metaprompt in use"),
            Sub("reset", "Go back to the default children-safe preamble"),
        ]),
        Moderation("mjban", "Bar members from MjBot on this server (Manage Server)",
        [
            Sub("add", "Bar a member", [new(UserOption, "user", "The member") { Required = true }, new(StringOption, "reason", "Why (shown to the member)") { MaxLength = 200 }]),
            Sub("remove", "Lift a bar", [new(UserOption, "user", "The member") { Required = true }]),
            Sub("list", "Show barred members"),
        ]),
        Moderation("modlog", "Recent moderation actions on this server (Manage Server)",
        [
            Sub("show", "Show the newest entries", [new(IntegerOption, "count", "How many (default 20)") { MinValue = 1, MaxValue = 50 }]),
        ]),
        Moderation("modconfig", "Review channel, quotas and channels for MjBot (Manage Server)",
        [
            Sub("show", "Show this server's moderation settings"),
            Sub("review-channel", "Where held prompts and appeals go (leave empty to clear)", [new(ChannelOption, "channel", "A text channel")]),
            Sub("quota", "Jobs per member; 0 clears a limit", [new(IntegerOption, "per_hour", "Jobs per hour") { MinValue = 0, MaxValue = 1000 }, new(IntegerOption, "per_day", "Jobs per day") { MinValue = 0, MaxValue = 10000 }, new(IntegerOption, "cooldown_seconds", "Seconds between jobs") { MinValue = 0, MaxValue = 86400 }]),
            Sub("exempt-role", "Exempt a role from quotas, or take the exemption back", [new(RoleOption, "role", "The role") { Required = true }]),
            Sub("channel", "Allow MjBot in a channel, or take it back (no channels: everywhere)", [new(ChannelOption, "channel", "A text channel") { Required = true }]),
        ]),
    ];

    // Moderator commands: hidden from members without Manage Server by default, and checked again on every call
    // (server admins can grant a command to anyone in Server Settings → Integrations).
    private static ApplicationCommand Moderation(string name, string description, IReadOnlyList<ApplicationCommandOption> subcommands) =>
        new(name, description) { Type = 1, Contexts = [0], DefaultMemberPermissions = new Permissions(Permissions.ManageGuild), Options = subcommands };

    private static AutocompleteChoice[] Choices(params string[] values) =>
        [.. values.Select(static v => new AutocompleteChoice(v, JsonDocument.Parse($"\"{v}\"").RootElement.Clone()))];

    private static ApplicationCommandOption Sub(string name, string description, IReadOnlyList<ApplicationCommandOption>? options = null) =>
        new(SubcommandOption, name, description) { Options = options ?? [] };
}
