using MjBot.Core.Prompting;

namespace MjBot.Core.Moderation;

/// <summary>What of a request the disallow list reads: the prompt text of every permutation and the file names of
/// every image it links (image prompts, --sref, --cref, --oref). Not --no terms, nor multi-prompt parts with a
/// negative weight: those steer away from the thing they name.</summary>
public static class ModeratedText
{
    public static IEnumerable<string> Of(PromptParseResult.Success parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.Jobs.SelectMany(Of).Distinct(StringComparer.Ordinal);
    }

    public static IEnumerable<string> Of(ImagineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MultiPrompt.IsDefaultOrEmpty)
        {
            yield return request.Prompt;
        }
        else
        {
            foreach (var segment in request.MultiPrompt.Where(s => s.Weight >= 0))
            {
                yield return segment.Text;
            }
        }

        var parameters = request.Parameters;
        IEnumerable<string> links =
        [
            .. request.ImagePrompts.IsDefault ? [] : request.ImagePrompts.Select(p => p.Url),
            .. parameters.Sref.IsDefault ? [] : parameters.Sref,
            .. parameters.Cref.IsDefault ? [] : parameters.Cref,
            .. parameters.Oref is { } oref ? [oref] : Array.Empty<string>(),
        ];
        foreach (var link in links)
        {
            yield return FileName(link);
        }
    }

    // The last path segment, unescaped: "https://x/cat-pics/nude_bikini.png?x=1" gives "nude_bikini.png".
    private static string FileName(string link)
    {
        var path = Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.AbsolutePath : link;
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
