using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Localization;

namespace MjBot.Backends.OpenAI;

/// <summary>What each OpenAI image model accepts, from OpenAI's OpenAPI document (CreateImageRequest and
/// CreateImageEditRequest, 2026-08): sizes, images per call, prompt length, qualities, style, how many images an edit
/// takes, and whether <c>input_fidelity</c> may be set.</summary>
internal sealed record ImageModel(string Name, (int Width, int Height)[] Sizes, int MaxImagesPerCall, bool TakesStyle, string[] Qualities, BackendCapabilities Capabilities, bool TakesResponseFormat)
{
    private const BackendCapabilities GptImage = BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Outpaint | BackendCapabilities.References;
    private static readonly (int, int)[] GptSizes = [(1024, 1024), (1536, 1024), (1024, 1536)];
    private static readonly string[] GptQualities = ["low", "medium", "high"];

    public static readonly ImageModel DallE3 = new("dall-e-3", [(1024, 1024), (1792, 1024), (1024, 1792)], 1, true, ["standard", "hd"], BackendCapabilities.None, true) { MaxPromptLength = 4000 };
    public static readonly ImageModel DallE2 = new("dall-e-2", [(1024, 1024), (512, 512), (256, 256)], 10, false, [], BackendCapabilities.Variations | BackendCapabilities.Outpaint, true) { MaxPromptLength = 1000 };
    public static readonly ImageModel GptImage1 = new("gpt-image-1", GptSizes, 10, false, GptQualities, GptImage, false) { TakesInputFidelity = true, TakesTransparent = true };

    /// <summary>gpt-image-1-mini: the cheap one; <c>input_fidelity</c> is "unsupported for gpt-image-1-mini".</summary>
    public static readonly ImageModel GptImage1Mini = new("gpt-image-1-mini", GptSizes, 10, false, GptQualities, GptImage, false) { TakesTransparent = true };

    public static readonly ImageModel GptImage15 = new("gpt-image-1.5", GptSizes, 10, false, GptQualities, GptImage, false) { TakesInputFidelity = true, TakesTransparent = true };

    /// <summary>gpt-image-2: any <c>WIDTHxHEIGHT</c> within its limits; every input image is read at high fidelity
    /// and <c>input_fidelity</c> must be left out; no transparent background (OpenAI's image guide: "gpt-image-2
    /// doesn't currently support transparent backgrounds"; the API reference calls it a preview).</summary>
    public static readonly ImageModel GptImage2 = new("gpt-image-2", GptSizes, 10, false, GptQualities, GptImage, false) { FreeSizes = true, AlwaysHighFidelity = true };

    /// <summary>Gets every model MjBot knows, newest first (the order names are matched in).</summary>
    public static IReadOnlyList<ImageModel> All { get; } = [GptImage2, GptImage15, GptImage1Mini, GptImage1, DallE3, DallE2];

    /// <summary>Gets the longest prompt the model takes, in characters (32,000 for the GPT image models).</summary>
    public int MaxPromptLength { get; init; } = 32000;

    /// <summary>Gets whether edits take <c>input_fidelity</c> (high or low).</summary>
    public bool TakesInputFidelity { get; init; }

    /// <summary>Gets whether the model reads every input image at high fidelity by itself.</summary>
    public bool AlwaysHighFidelity { get; init; }

    /// <summary>Gets whether <c>background: transparent</c> may be asked for (with PNG output).</summary>
    public bool TakesTransparent { get; init; }

    /// <summary>Gets whether any size within <see cref="FreeSize"/>'s limits may be asked for.</summary>
    public bool FreeSizes { get; init; }

    /// <summary>Gets how many images one edit takes (16 for the GPT image models, one for dall-e-2).</summary>
    public int MaxEditImages => Capabilities.HasFlag(BackendCapabilities.References) ? 16 : 1;

    /// <summary>Gets whether this is one of the GPT image models (quality low/medium/high, base64 only).</summary>
    public bool IsGptImage => Name.StartsWith("gpt-image", StringComparison.Ordinal);

    /// <summary>Gets what this model really does with a parameter: the general OpenAI row, corrected where this
    /// model differs (only dall-e-3 has a style; dall-e-2 one quality; only the GPT image models take references;
    /// gpt-image-2 makes the exact ratio).</summary>
    public ParameterTreatment Treat(ParameterTreatment general)
    {
        ArgumentNullException.ThrowIfNull(general);
        var ignored = (string key) => general with { Support = ParameterSupport.Ignored, Note = CatalogueText.Of(key, ("model", Name)) };
        return general.Parameter switch
        {
            "stylize" when !TakesStyle => ignored("treatment.openai.no_style"),
            "style" when !TakesStyle => ignored("treatment.openai.no_style"),
            "quality" or "hd" when Qualities.Length == 0 => ignored("treatment.openai.one_quality"),
            "quality" or "hd" when IsGptImage => general with { Note = CatalogueText.Of("treatment.openai.gpt_quality") },
            "sref" or "cref" or "oref" or "image_prompts" when !Capabilities.HasFlag(BackendCapabilities.References) => ignored("treatment.openai.no_references"),
            "sref" or "cref" or "oref" or "image_prompts" => general with { Note = CatalogueText.Of("treatment.openai.reference_sent") },
            "aspect" when FreeSizes => general with { Support = ParameterSupport.Honoured },
            "transparent" when !TakesTransparent => ignored("treatment.openai.no_transparent"),
            _ => general,
        };
    }

    /// <summary>The model by name (a dated snapshot such as gpt-image-2-2026-04-21 is its model); an Azure deployment
    /// name is matched by what it contains; anything else is dall-e-3.</summary>
    public static ImageModel For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(m => name.StartsWith(m.Name, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(m => name.Contains(m.Name, StringComparison.OrdinalIgnoreCase))
            ?? (name.Contains("gpt-image", StringComparison.OrdinalIgnoreCase) ? GptImage1 : DallE3);
    }

    /// <summary>Gets whether <paramref name="name"/> is a model MjBot knows by its exact name or a dated snapshot.</summary>
    public static bool Known(string name) => All.Any(m => name.StartsWith(m.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The supported size whose ratio is nearest the wanted one (on a log scale, so 2:1 and 1:2 are equally far from 1:1).</summary>
    public (int Width, int Height) Nearest(int ratioWidth, int ratioHeight)
    {
        var wanted = Math.Log((double)ratioWidth / ratioHeight);
        return Sizes.MinBy(s => Math.Abs(Math.Log((double)s.Width / s.Height) - wanted));
    }

    /// <summary>The size the member's ratio is asked at: the exact ratio on gpt-image-2 (<see cref="FreeSize"/>), else
    /// the nearest supported size (cropped to the ratio afterwards).</summary>
    public (int Width, int Height) SizeFor(int ratioWidth, int ratioHeight, bool large) =>
        FreeSizes ? FreeSize.For(ratioWidth, ratioHeight, large ? FreeSize.LargePixels : FreeSize.StandardPixels) : Nearest(ratioWidth, ratioHeight);
}
