using System.Globalization;
using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>Midjourney's message wording and button rows for every state of a job:
/// <c>**prompt** - &lt;@user&gt; (Waiting to start)</c>, <c>(42%) (fast)</c>, the result lines ("Variations (Strong)
/// by", "Image #2", "Upscaled (Subtle) by", "Zoom Out by", "Pan Left by"), failures and cancellations.</summary>
internal static class JobMessages
{
    private const int PromptDisplayLimit = 1500;

    public static string Waiting(Job job, int position, TimeSpan? eta) =>
        $"{Head(job)} - {Who(job)} (Waiting to start{Position(position, eta)})";

    public static string Running(Job job, int percent) => job.Kind switch
    {
        JobKind.Upscale => $"{Head(job)} - Upscaling by {Mention(job)} ({percent}%) (fast)",
        _ => $"{Head(job)} - {Who(job)} ({percent}%) (fast)",
    };

    public static string Result(Job job, bool lanczos = false) => job.Kind switch
    {
        JobKind.Select => $"{Head(job)} - Image #{job.ParentIndex} {Mention(job)}",
        JobKind.Upscale => $"{Head(job)} - Upscaled ({Title(job.Option)}{(lanczos ? ", Lanczos" : string.Empty)}) by {Mention(job)} (fast)",
        _ => $"{Head(job)} - {Who(job)} (fast)",
    } + Notes(job);

    /// <summary>The provider's safety system refused the prompt.</summary>
    public static string Blocked(Job job) => $"{Head(job)} - {Who(job)} (blocked: {job.Error})";

    // Notices under a result, as Discord's small grey subtext, within the message limit.
    private static string Notes(Job job)
    {
        if (job.Notes is not { Length: > 0 } notes)
        {
            return string.Empty;
        }

        var text = string.Join('\n', notes.Split('\n').Select(static n => "-# " + n));
        return "\n" + (text.Length > 350 ? text[..350] + "…" : text);
    }

    public static string Failed(Job job) => $"{Head(job)} - {Who(job)} (failed: {job.Error})";

    public static string Retrying(Job job, string reason) =>
        $"{Head(job)} - {Who(job)} (attempt {job.Attempts} failed: {reason}; trying again, {job.Attempts + 1} of {JobLimits.MaxAttempts})";

    public static string Restarted(Job job) => $"{Head(job)} - {Who(job)} (MjBot restarted; the job is back in the queue)";

    public static string Cancelled(Job job) => $"{Head(job)} - {Who(job)} (cancelled)";

    /// <summary>Only the job's author is mentioned; nothing typed in a prompt pings anyone.</summary>
    public static AllowedMentions Mentions(Job job) => new([]) { Users = [new Snowflake(job.UserId)] };

    /// <summary>The ❌ button under a waiting or running job.</summary>
    /// <summary>The ℹ️ button's action code: it shows the provider's rewrite of the prompt to whoever presses it.</summary>
    public const string RevisedPromptCode = "rp";

    public static IReadOnlyList<Component> CancelRow(Job job) =>
        [new Component(1) { Components = [new Component(2) { Style = 2, Emoji = new Emoji("❌"), Label = "Cancel", CustomId = CustomIds.For("x", job.Id) }] }];

    /// <summary>U1–U4 and 🔄, V1–V4 under a grid; the single-image actions under one image.</summary>
    public static IReadOnlyList<Component> Buttons(Job job, BackendCapabilities capabilities) =>
        job.MakesGrid ? GridRows(job, capabilities) : SingleRows(job, capabilities);

    private static List<Component> GridRows(Job job, BackendCapabilities capabilities)
    {
        var upscales = Enumerable.Range(1, 4).Select(i => Button(ButtonAction.Select, job, i, capabilities, $"U{i}")).ToList();
        upscales.Add(Button(ButtonAction.Reroll, job, 0, capabilities));
        var variations = Enumerable.Range(1, 4).Select(i => Button(ButtonAction.Vary, job, i, capabilities, $"V{i}")).ToList();
        if (job.RevisedPrompt is { Length: > 0 })
        {
            variations.Add(new Component(2) { Style = 2, Emoji = new Emoji("ℹ️"), CustomId = CustomIds.For(RevisedPromptCode, job.Id) });
        }

        return [new Component(1) { Components = upscales }, new Component(1) { Components = variations }];
    }

    private static List<Component> SingleRows(Job job, BackendCapabilities capabilities) =>
    [
        new Component(1)
        {
            Components =
            [
                .. new[] { ButtonAction.UpscaleSubtle, ButtonAction.UpscaleCreative, ButtonAction.VarySubtle, ButtonAction.VaryStrong }
                    .Where(a => a != ButtonAction.VarySubtle || capabilities.HasFlag(BackendCapabilities.SubtleVariations) || !capabilities.HasFlag(BackendCapabilities.Variations))
                    .Select(a => Button(a, job, 0, capabilities)),
            ],
        },
        new Component(1) { Components = [.. new[] { ButtonAction.ZoomOut2, ButtonAction.ZoomOut15 }.Select(a => Button(a, job, 0, capabilities))] },
        new Component(1)
        {
            Components =
            [
                .. new[] { ButtonAction.PanLeft, ButtonAction.PanRight, ButtonAction.PanUp, ButtonAction.PanDown }.Select(a => Button(a, job, 0, capabilities)),
                new Component(2) { Style = 2, Emoji = new Emoji("❤️"), CustomId = CustomIds.For("fav", job.Id) },
            ],
        },
    ];

    private static Component Button(ButtonAction action, Job job, int index, BackendCapabilities capabilities, string? label = null) => new(2)
    {
        Style = 2,
        Label = label ?? action.Label,
        Emoji = action.Emoji is null ? null : new Emoji(action.Emoji),
        CustomId = CustomIds.For(action.Code, job.Id, index),
        Disabled = (capabilities & action.Needs) != action.Needs ? true : null,
    };

    private static string Who(Job job) => job.Kind switch
    {
        JobKind.Variation => $"Variations ({Title(job.Option)}) by {Mention(job)}",
        JobKind.ZoomOut => $"Zoom Out by {Mention(job)}",
        JobKind.Pan => $"Pan {Title(job.Option)} by {Mention(job)}",
        _ => Mention(job),
    };

    private static string Mention(Job job) => string.Create(CultureInfo.InvariantCulture, $"<@{job.UserId}>");

    private static string Title(string? option) => option is { Length: > 0 } ? char.ToUpperInvariant(option[0]) + option[1..] : string.Empty;

    private static string Position(int position, TimeSpan? eta) => position <= 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $": {Ordinal(position)} in line{(eta is { } e ? $", about {Duration(e)}" : string.Empty)}");

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    private static string Duration(TimeSpan t) => t.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(t.TotalSeconds))} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(t.TotalMinutes)} min");

    // The prompt in bold, with Discord's markdown characters escaped so a prompt cannot break the formatting, and
    // shortened so the message stays under Discord's 2,000 characters.
    private static string Head(Job job)
    {
        var prompt = job.Prompt.Length > PromptDisplayLimit ? job.Prompt[..PromptDisplayLimit] + "…" : job.Prompt;
        var escaped = new StringBuilder(prompt.Length + 8);
        foreach (var c in prompt)
        {
            if (c is '*' or '_' or '~' or '`' or '|' or '\\' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return $"**{escaped}**";
    }
}
