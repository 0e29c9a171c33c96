using MjBot.Core.Localization;
using MjBot.Core.Prompting;
using MjBot.Imaging;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A job made ready for a server: the graph's plan (its LoRA files and uploaded image's name are filled in
/// once a server is chosen), the image to upload, the canvas whose known pixels are restored afterwards, the LoRAs the
/// member named, the files a server must have, and what to tell the member.</summary>
internal sealed record PlannedJob
{
    public required string Alias { get; init; }

    public required GraphPlan Graph { get; init; }

    /// <summary>Gets the self-hoster's workflow the alias names, or null for a graph MjBot builds.</summary>
    public Workflows.Workflow? Workflow { get; init; }

    /// <summary>Gets the PNG to upload (the source, or the outpaint canvas), or null.</summary>
    public byte[]? Upload { get; init; }

    /// <summary>Gets the outpaint canvas whose opaque pixels go back over what the server painted, or null.</summary>
    public RgbaImage? Canvas { get; init; }

    public IReadOnlyList<LoraUse> Loras { get; init; } = [];

    /// <summary>Gets the files (by <c>/models</c> folder) a server must have to run it.</summary>
    public IReadOnlyList<(string Folder, string File)> Needs { get; init; } = [];

    public IReadOnlyList<CatalogueText> Notices { get; init; } = [];

    /// <summary>Gets how many images the result has (4, or 1 for an upscale).</summary>
    public int Images { get; init; } = 4;
}
