using MjBot.Core.Localization;

namespace MjBot.Core.Backends;

/// <summary>How one backend kind treats one parameter, with the sentence a member reads when it is not honoured.</summary>
/// <param name="Parameter">The canonical parameter name (<c>aspect</c>, <c>no</c>, …) or <c>multi_prompt</c> /
/// <c>image_prompts</c>.</param>
/// <param name="Support">Honoured, approximated or ignored.</param>
/// <param name="Note">What happens instead, in the member's terms (the catalogue's <c>treatment.*</c> keys).</param>
public sealed record ParameterTreatment(string Parameter, ParameterSupport Support, CatalogueText Note)
{
    /// <summary>Gets the line a member reads under the result: <c>--aspect: …</c>, or for the parts of a prompt that are
    /// no parameter, their name (<c>Image prompts: …</c>).</summary>
    public CatalogueText Notice => Parameter is "multi_prompt" or "image_prompts"
        ? CatalogueText.Of("notice.prompt_part", ("part", CatalogueText.Of("notice.part." + Parameter)), ("note", Note))
        : CatalogueText.Of("notice.parameter", ("parameter", Parameter), ("note", Note));
}
