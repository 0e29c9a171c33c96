using System.Globalization;
using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>Midjourney's message wording and button rows for every state of a job:
/// <c>**prompt** - &lt;@user&gt; (Waiting to start)</c>, <c>(42%) (fast)</c>, the result lines ("Variations (Strong)
/// by", "Image #2", "Upscaled (Subtle) by", "Zoom Out by", "Pan Left by"), failures and cancellations — in the
/// language of the server the job was made on (<see cref="Job.Locale"/>), from the message catalogue.</summary>
internal static class JobMessages
{
    private const int PromptDisplayLimit = 1500;

    public static string Waiting(Job job, int position, TimeSpan? eta) =>
        L(job).Text("job.waiting", ("head", Head(job)), ("who", Who(job)), ("position", Position(L(job), position, eta)));

    public static string Running(Job job, int percent) => job.Kind switch
    {
        JobKind.Upscale => L(job).Text("job.running_upscale", ("head", Head(job)), ("mention", Mention(job)), ("percent", percent)),
        _ => L(job).Text("job.running", ("head", Head(job)), ("who", Who(job)), ("percent", percent)),
    };

    public static string Result(Job job, bool lanczos = false) => job.Kind switch
    {
        JobKind.Select => L(job).Text("job.result_select", ("head", Head(job)), ("index", job.ParentIndex), ("mention", Mention(job))),
        JobKind.Upscale => L(job).Text("job.result_upscale", ("head", Head(job)), ("option", lanczos ? L(job).Text("job.lanczos", ("option", Title(job))) : Title(job)), ("mention", Mention(job))),
        _ => L(job).Text("job.result", ("head", Head(job)), ("who", Who(job))),
    } + Notes(job);

    /// <summary>The provider's safety system refused the prompt.</summary>
    public static string Blocked(Job job) => L(job).Text("job.blocked", ("head", Head(job)), ("who", Who(job)), ("error", job.Error));

    /// <summary>Gets the moderators' line over a job's images the safety checker blocked (in the job's language).</summary>
    public static string SafetyBlockedForModerators(Job job) =>
        L(job).Text("desk.safety_blocked", ("user", job.UserId), ("channel", job.ChannelId), ("head", Head(job)), ("reason", job.Error));

    /// <summary>Gets the catalogue in the job's language.</summary>
    public static Localizer L(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return MessageCatalogue.Default.For(job.Locale);
    }

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

    public static string Failed(Job job) => L(job).Text("job.failed", ("head", Head(job)), ("who", Who(job)), ("error", job.Error));

    public static string Retrying(Job job, string reason) =>
        L(job).Text("job.retrying", ("head", Head(job)), ("who", Who(job)), ("attempt", job.Attempts), ("reason", reason), ("next", job.Attempts + 1), ("max", JobLimits.MaxAttempts));

    public static string Restarted(Job job) => L(job).Text("job.restarted", ("head", Head(job)), ("who", Who(job)));

    public static string Cancelled(Job job) => L(job).Text("job.cancelled", ("head", Head(job)), ("who", Who(job)));

    /// <summary>Only the job's author is mentioned; nothing typed in a prompt pings anyone.</summary>
    public static AllowedMentions Mentions(Job job) => new([]) { Users = [new Snowflake(job.UserId)] };

    /// <summary>The ❌ button under a waiting or running job.</summary>
    /// <summary>The ℹ️ button's action code: it shows the provider's rewrite of the prompt to whoever presses it.</summary>
    public const string RevisedPromptCode = "rp";

    public static IReadOnlyList<Component> CancelRow(Job job) =>
        [new Component(1) { Components = [new Component(2) { Style = 2, Emoji = new Emoji("❌"), Label = L(job).Text("button.cancel"), CustomId = CustomIds.For("x", job.Id) }] }];

    /// <summary>U1–U4 and 🔄, V1–V4 under a grid; the single-image actions under one image.</summary>
    public static IReadOnlyList<Component> Buttons(Job job, BackendCapabilities capabilities) =>
        job.MakesGrid ? GridRows(job, capabilities) : SingleRows(job, capabilities);

    private static List<Component> GridRows(Job job, BackendCapabilities capabilities)
    {
        var upscales = Enumerable.Range(1, 4).Select(i => Button(ButtonAction.Select, job, i, capabilities, $"U{i}")).ToList();
        upscales.Add(Button(ButtonAction.Reroll, job, 0, capabilities));
        var variations = Enumerable.Range(1, 4).Select(i => Button(ButtonAction.Vary, job, i, capabilities, $"V{i}")).ToList();
        if (job.RevisedPrompt is { Length: > 0 } || job.ClipScores.Count > 0)
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
        Label = label ?? (action.Label is { } key ? L(job).Text(key) : null),
        Emoji = action.Emoji is null ? null : new Emoji(action.Emoji),
        CustomId = CustomIds.For(action.Code, job.Id, index),
        Disabled = (capabilities & action.Needs) != action.Needs ? true : null,
    };

    private static string Who(Job job) => job.Kind switch
    {
        JobKind.Variation => L(job).Text("job.who_variation", ("option", Title(job)), ("mention", Mention(job))),
        JobKind.ZoomOut => L(job).Text("job.who_zoom", ("mention", Mention(job))),
        JobKind.Pan => L(job).Text("job.who_pan", ("option", Title(job)), ("mention", Mention(job))),
        _ => Mention(job),
    };

    private static string Mention(Job job) => string.Create(CultureInfo.InvariantCulture, $"<@{job.UserId}>");

    // The option's name (subtle, strong, left …) in the job's language; empty when the job has none.
    private static string Title(Job job) => job.Option is { Length: > 0 } option ? L(job).Text("job.option." + option) : string.Empty;

    private static string Position(Localizer l, int position, TimeSpan? eta) => position <= 0
        ? string.Empty
        : eta is { } e
            ? l.Text("job.position_eta", ("ordinal", Ordinal(l, position)), ("eta", Duration(l, e)))
            : l.Text("job.position", ("ordinal", Ordinal(l, position)));

    // English's ordinal suffixes pick the key; the other languages give every key the same form.
    private static string Ordinal(Localizer l, int n) => l.Text((n % 100) switch
    {
        11 or 12 or 13 => "job.ordinal.other",
        _ => (n % 10) switch { 1 => "job.ordinal.one", 2 => "job.ordinal.two", 3 => "job.ordinal.few", _ => "job.ordinal.other" },
    }, ("n", n));

    private static string Duration(Localizer l, TimeSpan t) => t.TotalSeconds < 90
        ? l.Text("job.seconds", ("n", Math.Max(1, (int)Math.Round(t.TotalSeconds))))
        : l.Text("job.minutes", ("n", (int)Math.Round(t.TotalMinutes)));

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
