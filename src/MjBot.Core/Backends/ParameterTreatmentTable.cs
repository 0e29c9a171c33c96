using System.Collections.Frozen;
using MjBot.Core.Localization;
using MjBot.Core.Prompting;

namespace MjBot.Core.Backends;

/// <summary>The contract between the grammar and the backends: for each backend kind, what each parameter does.
/// Backends implement it; the result message lists every parameter of the job that was approximated or ignored,
/// so a member is never left thinking a flag worked when it did not.</summary>
public static class ParameterTreatmentTable
{
    private static readonly (string Name, ParameterSupport Support)[] StableDiffusionRows =
    [
        ("aspect", ParameterSupport.Approximated),
        ("stylize", ParameterSupport.Approximated),
        ("chaos", ParameterSupport.Approximated),
        ("no", ParameterSupport.Honoured),
        ("seed", ParameterSupport.Honoured),
        ("sameseed", ParameterSupport.Honoured),
        ("sref", ParameterSupport.Ignored),
        ("sw", ParameterSupport.Ignored),
        ("sv", ParameterSupport.Ignored),
        ("cref", ParameterSupport.Ignored),
        ("cw", ParameterSupport.Ignored),
        ("oref", ParameterSupport.Ignored),
        ("ow", ParameterSupport.Ignored),
        ("iw", ParameterSupport.Approximated),
        ("version", ParameterSupport.Approximated),
        ("niji", ParameterSupport.Approximated),
        ("style", ParameterSupport.Ignored),
        ("quality", ParameterSupport.Approximated),
        ("tile", ParameterSupport.Ignored),
        ("transparent", ParameterSupport.Ignored),
        ("weird", ParameterSupport.Ignored),
        ("stop", ParameterSupport.Honoured),
        ("repeat", ParameterSupport.Honoured),
        ("draft", ParameterSupport.Approximated),
        ("speed", ParameterSupport.Ignored),
        ("visibility", ParameterSupport.Ignored),
        ("hd", ParameterSupport.Ignored),
        ("personalize", ParameterSupport.Ignored),
        ("exp", ParameterSupport.Ignored),
        ("steps", ParameterSupport.Honoured),
        ("cfg", ParameterSupport.Honoured),
        ("sampler", ParameterSupport.Honoured),
        ("model", ParameterSupport.Honoured),
        ("lora", ParameterSupport.Ignored),
        ("multi_prompt", ParameterSupport.Honoured),
        ("image_prompts", ParameterSupport.Approximated),
    ];

    private static readonly FrozenDictionary<string, ParameterTreatment> StableDiffusion = Table("sd", StableDiffusionRows);

    // ComfyUI runs the same Stable Diffusion (and Flux) models, and loads LoRA files.
    private static readonly FrozenDictionary<string, ParameterTreatment> ComfyUI = Table(
        "sd", [.. StableDiffusionRows.Select(static r => r.Name == "lora" ? (r.Name, ParameterSupport.Honoured) : r)]);

    private static readonly FrozenDictionary<string, ParameterTreatment> OpenAIImages = Table(
        "openai",
        ("aspect", ParameterSupport.Approximated),
        ("stylize", ParameterSupport.Approximated),
        ("chaos", ParameterSupport.Approximated),
        ("no", ParameterSupport.Approximated),
        ("seed", ParameterSupport.Ignored),
        ("sameseed", ParameterSupport.Ignored),
        ("sref", ParameterSupport.Approximated),
        ("sw", ParameterSupport.Ignored),
        ("sv", ParameterSupport.Ignored),
        ("cref", ParameterSupport.Approximated),
        ("cw", ParameterSupport.Ignored),
        ("oref", ParameterSupport.Approximated),
        ("ow", ParameterSupport.Ignored),
        ("iw", ParameterSupport.Ignored),
        ("version", ParameterSupport.Ignored),
        ("niji", ParameterSupport.Ignored),
        ("style", ParameterSupport.Approximated),
        ("quality", ParameterSupport.Approximated),
        ("tile", ParameterSupport.Ignored),
        ("transparent", ParameterSupport.Honoured),
        ("weird", ParameterSupport.Ignored),
        ("stop", ParameterSupport.Ignored),
        ("repeat", ParameterSupport.Honoured),
        ("draft", ParameterSupport.Ignored),
        ("speed", ParameterSupport.Ignored),
        ("visibility", ParameterSupport.Ignored),
        ("hd", ParameterSupport.Approximated),
        ("personalize", ParameterSupport.Ignored),
        ("exp", ParameterSupport.Ignored),
        ("steps", ParameterSupport.Ignored),
        ("cfg", ParameterSupport.Ignored),
        ("sampler", ParameterSupport.Ignored),
        ("model", ParameterSupport.Honoured),
        ("lora", ParameterSupport.Ignored),
        ("multi_prompt", ParameterSupport.Approximated),
        ("image_prompts", ParameterSupport.Approximated));

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
            ("tile", p.Tile is not null), ("transparent", p.Transparent is not null), ("weird", p.Weird is not null), ("stop", p.Stop is not null),
            ("repeat", p.Repeat is not null), ("draft", p.Draft is not null), ("speed", p.Speed is not null),
            ("visibility", p.Visibility is not null), ("hd", p.Hd is not null), ("personalize", !p.Personalize.IsDefault),
            ("exp", p.Exp is not null), ("steps", p.Steps is not null), ("cfg", p.Cfg is not null),
            ("sampler", p.Sampler is not null), ("model", p.Model is not null), ("lora", !p.Lora.IsDefault),
            ("multi_prompt", !request.MultiPrompt.IsDefaultOrEmpty), ("image_prompts", !request.ImagePrompts.IsDefaultOrEmpty),
        ];
        return all.Where(static x => x.Given).Select(static x => x.Name);
    }

    private static FrozenDictionary<string, ParameterTreatment> TableFor(BackendKind backend) => backend switch
    {
        BackendKind.StableDiffusion => StableDiffusion,
        BackendKind.OpenAIImages => OpenAIImages,
        BackendKind.ComfyUI => ComfyUI,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown backend kind."),
    };

    // Each row's note is the catalogue's treatment.{kind}.{parameter}, in every language.
    private static FrozenDictionary<string, ParameterTreatment> Table(string kind, params (string Name, ParameterSupport Support)[] rows) =>
        rows.ToFrozenDictionary(static r => r.Name, r => new ParameterTreatment(r.Name, r.Support, CatalogueText.Of($"treatment.{kind}.{r.Name}")), StringComparer.Ordinal);
}
