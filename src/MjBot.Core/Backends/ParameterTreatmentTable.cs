using System.Collections.Frozen;
using MjBot.Core.Prompting;

namespace MjBot.Core.Backends;

/// <summary>The contract between the grammar and the backends: for each backend kind, what each parameter does.
/// Backends implement it; the result message lists every parameter of the job that was approximated or ignored,
/// so a member is never left thinking a flag worked when it did not.</summary>
public static class ParameterTreatmentTable
{
    private static readonly FrozenDictionary<string, ParameterTreatment> StableDiffusion = Table(
        ("aspect", ParameterSupport.Approximated, "width and height rounded to multiples of 64 at about the model's native pixel count"),
        ("stylize", ParameterSupport.Approximated, "mapped to the guidance scale (higher --stylize, looser guidance)"),
        ("chaos", ParameterSupport.Approximated, "the four images start from increasingly different noise"),
        ("no", ParameterSupport.Honoured, "used as the negative prompt"),
        ("seed", ParameterSupport.Honoured, "same seed, model and device give the same images"),
        ("sameseed", ParameterSupport.Honoured, "all four images start from one noise field"),
        ("sref", ParameterSupport.Ignored, "style references need an image-conditioned model"),
        ("sw", ParameterSupport.Ignored, "style references need an image-conditioned model"),
        ("sv", ParameterSupport.Ignored, "style references need an image-conditioned model"),
        ("cref", ParameterSupport.Ignored, "character references need an image-conditioned model"),
        ("cw", ParameterSupport.Ignored, "character references need an image-conditioned model"),
        ("oref", ParameterSupport.Ignored, "omni references need an image-conditioned model"),
        ("ow", ParameterSupport.Ignored, "omni references need an image-conditioned model"),
        ("iw", ParameterSupport.Ignored, "image prompts are not used by local Stable Diffusion yet"),
        ("version", ParameterSupport.Approximated, "picks the model configured for that version"),
        ("niji", ParameterSupport.Approximated, "picks the model configured for niji"),
        ("style", ParameterSupport.Ignored, "Stable Diffusion has no house style to switch"),
        ("quality", ParameterSupport.Approximated, "scales the number of sampling steps"),
        ("tile", ParameterSupport.Ignored, "ONNX exports have no circular padding to switch on"),
        ("weird", ParameterSupport.Ignored, "no Stable Diffusion equivalent"),
        ("stop", ParameterSupport.Honoured, "sampling stops early at that percentage"),
        ("repeat", ParameterSupport.Honoured, "runs the prompt that many times"),
        ("draft", ParameterSupport.Approximated, "uses the configured draft model (e.g. SD-Turbo)"),
        ("speed", ParameterSupport.Ignored, "there is one local queue"),
        ("visibility", ParameterSupport.Ignored, "MjBot has no public gallery"),
        ("hd", ParameterSupport.Ignored, "use Upscale on a single image instead"),
        ("personalize", ParameterSupport.Ignored, "MjBot has no personalisation profiles"),
        ("exp", ParameterSupport.Ignored, "no Stable Diffusion equivalent"),
        ("steps", ParameterSupport.Honoured, "number of sampling steps"),
        ("cfg", ParameterSupport.Honoured, "guidance scale"),
        ("sampler", ParameterSupport.Honoured, "scheduler"),
        ("model", ParameterSupport.Honoured, "model alias from configuration"),
        ("multi_prompt", ParameterSupport.Honoured, "weights become weighted prompt embeddings"),
        ("image_prompts", ParameterSupport.Ignored, "image prompts are not used by local Stable Diffusion yet"));

    private static readonly FrozenDictionary<string, ParameterTreatment> OpenAIImages = Table(
        ("aspect", ParameterSupport.Approximated, "the nearest supported size, then centre-cropped to the exact ratio"),
        ("stylize", ParameterSupport.Approximated, "vivid style above 100, natural at or below"),
        ("chaos", ParameterSupport.Approximated, "four differently worded prompts when prompt magic is on; otherwise ignored"),
        ("no", ParameterSupport.Approximated, "phrased as \"without …\"; DALL·E is weak at negatives"),
        ("seed", ParameterSupport.Ignored, "OpenAI's image models take no seed"),
        ("sameseed", ParameterSupport.Ignored, "OpenAI's image models take no seed"),
        ("sref", ParameterSupport.Approximated, "reference images for gpt-image-1; ignored by dall-e-3"),
        ("sw", ParameterSupport.Ignored, "OpenAI takes no reference weight"),
        ("sv", ParameterSupport.Ignored, "OpenAI takes no reference version"),
        ("cref", ParameterSupport.Approximated, "reference images for gpt-image-1; ignored by dall-e-3"),
        ("cw", ParameterSupport.Ignored, "OpenAI takes no reference weight"),
        ("oref", ParameterSupport.Approximated, "a reference image for gpt-image-1; ignored by dall-e-3"),
        ("ow", ParameterSupport.Ignored, "OpenAI takes no reference weight"),
        ("iw", ParameterSupport.Ignored, "OpenAI takes no image weight"),
        ("version", ParameterSupport.Ignored, "the OpenAI model is chosen in configuration"),
        ("niji", ParameterSupport.Ignored, "the OpenAI model is chosen in configuration"),
        ("style", ParameterSupport.Approximated, "raw asks for the natural style; other styles are ignored"),
        ("quality", ParameterSupport.Approximated, "above 1 asks for hd quality"),
        ("tile", ParameterSupport.Ignored, "OpenAI cannot make seamless tiles"),
        ("weird", ParameterSupport.Ignored, "no OpenAI equivalent"),
        ("stop", ParameterSupport.Ignored, "no OpenAI equivalent"),
        ("repeat", ParameterSupport.Honoured, "runs the prompt that many times"),
        ("draft", ParameterSupport.Ignored, "no OpenAI equivalent"),
        ("speed", ParameterSupport.Ignored, "there is one queue"),
        ("visibility", ParameterSupport.Ignored, "MjBot has no public gallery"),
        ("hd", ParameterSupport.Approximated, "asks for hd quality"),
        ("personalize", ParameterSupport.Ignored, "MjBot has no personalisation profiles"),
        ("exp", ParameterSupport.Ignored, "no OpenAI equivalent"),
        ("steps", ParameterSupport.Ignored, "Stable Diffusion only"),
        ("cfg", ParameterSupport.Ignored, "Stable Diffusion only"),
        ("sampler", ParameterSupport.Ignored, "Stable Diffusion only"),
        ("model", ParameterSupport.Ignored, "the OpenAI model is chosen in configuration"),
        ("multi_prompt", ParameterSupport.Approximated, "flattened into one sentence; weights are dropped"),
        ("image_prompts", ParameterSupport.Approximated, "reference images for gpt-image-1; ignored by dall-e-3"));

    /// <summary>Gets the parameter names the tables cover: every canonical parameter, plus <c>multi_prompt</c> and
    /// <c>image_prompts</c>.</summary>
    public static IReadOnlyCollection<string> Covered(BackendKind backend) => TableFor(backend).Keys;

    /// <summary>Gets how <paramref name="backend"/> treats <paramref name="parameter"/>.</summary>
    /// <param name="backend">The backend kind.</param>
    /// <param name="parameter">A canonical parameter name, <c>multi_prompt</c> or <c>image_prompts</c>.</param>
    /// <returns>The treatment.</returns>
    public static ParameterTreatment For(BackendKind backend, string parameter) => TableFor(backend)[parameter];

    /// <summary>Lists what the member should be told about <paramref name="request"/> on <paramref name="backend"/>:
    /// every parameter given that the backend approximates or ignores.</summary>
    /// <param name="backend">The backend that will run the job.</param>
    /// <param name="request">The job.</param>
    /// <returns>The notices, in the catalogue's order.</returns>
    public static IReadOnlyList<ParameterTreatment> NoticesFor(BackendKind backend, ImagineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. GivenParameters(request).Select(name => For(backend, name)).Where(static t => t.Support != ParameterSupport.Honoured)];
    }

    /// <summary>Lists the canonical names of the parameters (and prompt parts) a request carries.</summary>
    /// <param name="request">The job.</param>
    /// <returns>The names, in the catalogue's order.</returns>
    public static IEnumerable<string> GivenParameters(ImagineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = request.Parameters;
        (string Name, bool Given)[] all =
        [
            ("aspect", p.Aspect is not null), ("stylize", p.Stylize is not null), ("chaos", p.Chaos is not null),
            ("no", !p.No.IsDefault), ("seed", p.Seed is not null), ("sameseed", p.SameSeed is not null),
            ("sref", !p.Sref.IsDefault), ("sw", p.StyleWeight is not null), ("sv", p.StyleVersion is not null),
            ("cref", !p.Cref.IsDefault), ("cw", p.CharacterWeight is not null), ("oref", p.Oref is not null),
            ("ow", p.OmniWeight is not null), ("iw", p.ImageWeight is not null), ("version", p.Version is not null),
            ("niji", p.Niji is not null), ("style", p.Style is not null), ("quality", p.Quality is not null),
            ("tile", p.Tile is not null), ("weird", p.Weird is not null), ("stop", p.Stop is not null),
            ("repeat", p.Repeat is not null), ("draft", p.Draft is not null), ("speed", p.Speed is not null),
            ("visibility", p.Visibility is not null), ("hd", p.Hd is not null), ("personalize", !p.Personalize.IsDefault),
            ("exp", p.Exp is not null), ("steps", p.Steps is not null), ("cfg", p.Cfg is not null),
            ("sampler", p.Sampler is not null), ("model", p.Model is not null),
            ("multi_prompt", !request.MultiPrompt.IsDefaultOrEmpty), ("image_prompts", !request.ImagePrompts.IsDefaultOrEmpty),
        ];
        return all.Where(static x => x.Given).Select(static x => x.Name);
    }

    private static FrozenDictionary<string, ParameterTreatment> TableFor(BackendKind backend) => backend switch
    {
        BackendKind.StableDiffusion => StableDiffusion,
        BackendKind.OpenAIImages => OpenAIImages,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown backend kind."),
    };

    private static FrozenDictionary<string, ParameterTreatment> Table(params (string Name, ParameterSupport Support, string Note)[] rows) =>
        rows.ToFrozenDictionary(static r => r.Name, static r => new ParameterTreatment(r.Name, r.Support, r.Note), StringComparer.Ordinal);
}
