using MjBot.Core.Localization;
using MjBot.Core.Prompting;

namespace MjBot.Core.Generation;

/// <summary>Which model alias a prompt runs on, the same on every backend with aliases: <c>--model</c> names one
/// (unknown: the job fails, naming the ones there are); <c>--draft</c> is <c>draft</c>; <c>--niji 6</c> is
/// <c>niji6</c>, then <c>niji</c>; <c>--v 6.1</c> is <c>v6.1</c>, then <c>v6</c>; an alias the configuration lacks
/// falls back to the default with a notice.</summary>
public static class ModelAliasChoice
{
    /// <summary>Chooses the alias.</summary>
    /// <param name="request">The prompt.</param>
    /// <param name="knows">Whether an alias is configured.</param>
    /// <param name="configured">The configured aliases, for the failure that lists them.</param>
    /// <param name="defaultAlias">The alias of prompts that name none.</param>
    /// <returns>The alias, and a notice when a <c>--v</c>/<c>--niji</c>/<c>--draft</c> fell back to the default.</returns>
    /// <exception cref="GenerationException"><c>--model</c> names an alias that is not configured.</exception>
    public static (string Alias, CatalogueText? Notice) For(ImagineRequest request, Func<string, bool> knows, IEnumerable<string> configured, string defaultAlias)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(knows);
        var p = request.Parameters;
        if (p.Model is { } model)
        {
            return knows(model)
                ? (model, null)
                : throw GenerationException.Of("failure.unknown_model", retryable: false, ("model", model), ("models", string.Join(", ", configured.DefaultIfEmpty(defaultAlias).Order(StringComparer.Ordinal))));
        }

        string[] wanted = p.Draft == true ? ["draft"]
            : p.Niji is { } niji ? ["niji" + niji, "niji"]
            : p.Version is { } version ? ["v" + version, "v" + version.Split('.')[0]]
            : [];
        foreach (var alias in wanted)
        {
            if (knows(alias))
            {
                return (alias, null);
            }
        }

        return wanted.Length == 0
            ? (defaultAlias, null)
            : (defaultAlias, CatalogueText.Of("notice.model_fallback", ("parameter", p.Draft == true ? "--draft" : p.Niji is not null ? "--niji" : "--v " + p.Version), ("model", defaultAlias)));
    }
}
