using MjBot.Core.Generation;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;

namespace MjBot.Jobs;

/// <summary>Downloads a request's reference images (image prompts, then --sref, --cref and --oref links, at most
/// <see cref="GenerationRequest.MaxReferences"/>) through the safe link fetcher, for backends that use them. A link
/// that cannot be used ends the job with the fetcher's sentence; --sref codes (numbers, not links) are skipped.</summary>
internal sealed class ReferenceFetcher(ILinkFetcher fetcher)
{
    public async Task<IReadOnlyList<ReferenceImage>> FetchAsync(ImagineRequest request, CancellationToken cancellationToken)
    {
        var references = new List<ReferenceImage>();
        foreach (var (role, url) in Links(request).Take(GenerationRequest.MaxReferences))
        {
            references.Add(await fetcher.FetchAsync(url, LinkContent.PngImage, cancellationToken) switch
            {
                LinkFetchResult.Fetched fetched => new ReferenceImage(role, fetched.Bytes),
                LinkFetchResult.Refused refused => throw new GenerationException(refused.Reason, retryable: false),
                _ => throw new InvalidOperationException("Unknown fetch result."),
            });
        }

        return references;
    }

    private static IEnumerable<(ReferenceRole Role, string Url)> Links(ImagineRequest request)
    {
        var p = request.Parameters;
        IEnumerable<(ReferenceRole, string)> all =
        [
            .. request.ImagePrompts.IsDefault ? [] : request.ImagePrompts.Select(i => (ReferenceRole.ImagePrompt, i.Url)),
            .. p.Sref.IsDefault ? [] : p.Sref.Select(s => (ReferenceRole.Style, s)),
            .. p.Cref.IsDefault ? [] : p.Cref.Select(c => (ReferenceRole.Character, c)),
            .. p.Oref is { } oref ? [(ReferenceRole.Omni, oref)] : Array.Empty<(ReferenceRole, string)>(),
        ];
        return all.Where(static l => Uri.TryCreate(l.Item2, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
    }
}
