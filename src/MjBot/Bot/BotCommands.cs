using MjBot.Discord.Models;

namespace MjBot.Bot;

/// <summary>MjBot's slash commands, registered with one bulk overwrite when they change.</summary>
internal static class BotCommands
{
    public const int StringOption = 3;
    public const int SubcommandOption = 1;

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
    ];
}
