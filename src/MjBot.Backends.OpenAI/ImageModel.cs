using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Localization;

namespace MjBot.Backends.OpenAI;

/// <summary>What each OpenAI image model accepts, from OpenAI's API reference: sizes, images per call, and which of
/// quality and style it takes.</summary>
internal sealed record ImageModel(string Name, (int Width, int Height)[] Sizes, int MaxImagesPerCall, bool TakesStyle, string[] Qualities, BackendCapabilities Capabilities, bool TakesResponseFormat)
{
    public static readonly ImageModel DallE3 = new("dall-e-3", [(1024, 1024), (1792, 1024), (1024, 1792)], 1, true, ["standard", "hd"], BackendCapabilities.None, true);
    public static readonly ImageModel DallE2 = new("dall-e-2", [(1024, 1024), (512, 512), (256, 256)], 10, false, [], BackendCapabilities.Variations | BackendCapabilities.Outpaint, true);
    public static readonly ImageModel GptImage1 = new("gpt-image-1", [(1024, 1024), (1536, 1024), (1024, 1536)], 10, false, ["low", "medium", "high"], BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Outpaint | BackendCapabilities.References, false);

    /// <summary>Gets the longest prompt the model takes, in characters (OpenAI's API reference: 1000 for dall-e-2,
    /// 4000 for dall-e-3, 32000 for gpt-image-1).</summary>
    public int MaxPromptLength => Name switch { "dall-e-2" => 1000, "gpt-image-1" => 32000, _ => 4000 };

    /// <summary>Gets what this model really does with a parameter: the general OpenAI row, corrected where this
    /// model differs (only dall-e-3 has a style; dall-e-2 one quality; only gpt-image-1 takes reference images).</summary>
    public ParameterTreatment Treat(ParameterTreatment general)
    {
        ArgumentNullException.ThrowIfNull(general);
        var ignored = (string key) => general with { Support = ParameterSupport.Ignored, Note = CatalogueText.Of(key, ("model", Name)) };
        return general.Parameter switch
        {
            "stylize" when !TakesStyle => ignored("treatment.openai.no_style"),
            "style" when !TakesStyle => ignored("treatment.openai.no_style"),
            "quality" or "hd" when Qualities.Length == 0 => ignored("treatment.openai.one_quality"),
            "quality" or "hd" when this == GptImage1 => general with { Note = CatalogueText.Of("treatment.openai.high_quality") },
            "sref" or "cref" or "oref" or "image_prompts" when !Capabilities.HasFlag(BackendCapabilities.References) => ignored("treatment.openai.no_references"),
            "sref" or "cref" or "oref" or "image_prompts" => general with { Note = CatalogueText.Of("treatment.openai.reference_sent") },
            _ => general,
        };
    }

    /// <summary>The model by name; an Azure deployment name is matched by what it contains.</summary>
    public static ImageModel For(string name) =>
        name.Contains("gpt-image", StringComparison.OrdinalIgnoreCase) ? GptImage1
        : name.Contains("dall-e-2", StringComparison.OrdinalIgnoreCase) ? DallE2
        : DallE3;

    /// <summary>The supported size whose ratio is nearest the wanted one (on a log scale, so 2:1 and 1:2 are equally far from 1:1).</summary>
    public (int Width, int Height) Nearest(int ratioWidth, int ratioHeight)
    {
        var wanted = Math.Log((double)ratioWidth / ratioHeight);
        return Sizes.MinBy(s => Math.Abs(Math.Log((double)s.Width / s.Height) - wanted));
    }
}
