using MjBot.Core.Generation;
using MjBot.Core.Jobs;

namespace MjBot.Rendering;

/// <summary>The buttons MjBot puts under its messages: action code, label (a message catalogue key) or emoji, the job
/// kind it starts and its option, and the backend capability it needs (missing → shown disabled).</summary>
internal sealed record ButtonAction(string Code, string? Label, string? Emoji, JobKind Kind, string? Option, BackendCapabilities Needs)
{
    public static readonly ButtonAction Select = new("u", null, null, JobKind.Select, null, BackendCapabilities.None);
    public static readonly ButtonAction Vary = new("v", null, null, JobKind.Variation, null, BackendCapabilities.Variations);
    public static readonly ButtonAction Reroll = new("r", null, "🔄", JobKind.Reroll, null, BackendCapabilities.None);
    public static readonly ButtonAction UpscaleSubtle = new("us", "button.upscale_subtle", null, JobKind.Upscale, "subtle", BackendCapabilities.None);
    public static readonly ButtonAction UpscaleCreative = new("uc", "button.upscale_creative", null, JobKind.Upscale, "creative", BackendCapabilities.Upscale);
    public static readonly ButtonAction VarySubtle = new("vs", "button.vary_subtle", null, JobKind.Variation, "subtle", BackendCapabilities.Variations | BackendCapabilities.SubtleVariations);
    public static readonly ButtonAction VaryStrong = new("vg", "button.vary_strong", null, JobKind.Variation, "strong", BackendCapabilities.Variations);
    public static readonly ButtonAction ZoomOut2 = new("z2", "button.zoom_out_2", null, JobKind.ZoomOut, "2", BackendCapabilities.Outpaint);
    public static readonly ButtonAction ZoomOut15 = new("z15", "button.zoom_out_15", null, JobKind.ZoomOut, "1.5", BackendCapabilities.Outpaint);
    public static readonly ButtonAction PanLeft = new("pl", null, "⬅️", JobKind.Pan, "left", BackendCapabilities.Outpaint);
    public static readonly ButtonAction PanRight = new("pr", null, "➡️", JobKind.Pan, "right", BackendCapabilities.Outpaint);
    public static readonly ButtonAction PanUp = new("pu", null, "⬆️", JobKind.Pan, "up", BackendCapabilities.Outpaint);
    public static readonly ButtonAction PanDown = new("pd", null, "⬇️", JobKind.Pan, "down", BackendCapabilities.Outpaint);

    public static IReadOnlyList<ButtonAction> All { get; } =
        [Select, Vary, Reroll, UpscaleSubtle, UpscaleCreative, VarySubtle, VaryStrong, ZoomOut2, ZoomOut15, PanLeft, PanRight, PanUp, PanDown];

    /// <summary>Actions that open the remix modal first when the member has remix on.</summary>
    public bool Remixable => Kind is JobKind.Variation or JobKind.Reroll;

    public static ButtonAction? Find(string code) => All.FirstOrDefault(a => a.Code == code);
}
