using MjBot.Core.Generation;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;

namespace MjBot.Jobs;

/// <summary>Downloads a request's reference images (image prompts, then --sref, --cref and --oref links, at most
/// <see cref="GenerationRequest.MaxReferences"/>; the image prompts alone for a backend that only starts from them)
/// through the safe link fetcher, read in whatever format they are
/// (PNG, JPEG, WebP, GIF) and handed on as PNG, for backends that use them. A link
/// that cannot be used ends the job with the fetcher's sentence; --sref codes (numbers, not links) are skipped.</summary>
internal sealed class ReferenceFetcher(ILinkFetcher fetcher, IImageReader reader)
{
    public async Task<IReadOnlyList<ReferenceImage>> FetchAsync(ImagineRequest request, BackendCapabilities capabilities, CancellationToken cancellationToken)
    {
        var references = new List<ReferenceImage>();
        foreach (var (role, url) in Used(request, capabilities))
        {
            references.Add(await ReadAsync(url, cancellationToken) switch
            {
                ImageReadResult.Read read => new ReferenceImage(role, read.Png),
                ImageReadResult.Refused refused => throw new GenerationException(refused.Reason, retryable: false),
                _ => throw new InvalidOperationException("Unknown read result."),
            });
        }

        return references;
    }

    /// <summary>Fetches and reads every image link of <paramref name="requests"/> that a backend with
    /// <paramref name="capabilities"/> uses (each once) as the command is given, so a link that is not an image MjBot
    /// reads is refused before anything is queued. Links the backend does not use are not fetched.</summary>
    /// <returns>Why the first unusable link cannot be used, or null when every link can.</returns>
    public async Task<CatalogueText?> CheckAsync(IEnumerable<ImagineRequest> requests, Func<ImagineRequest, BackendCapabilities> capabilities, CancellationToken cancellationToken)
    {
        foreach (var url in requests.SelectMany(r => Used(r, capabilities(r))).Select(static l => l.Url).Distinct(StringComparer.Ordinal))
        {
            if (await ReadAsync(url, cancellationToken) is ImageReadResult.Refused refused)
            {
                return refused.Reason;
            }
        }

        return null;
    }

    /// <summary>Fetches one image link through the safe fetcher and reads it (/describe's image).</summary>
    public async Task<ImageReadResult> ReadAsync(string url, CancellationToken cancellationToken) =>
        await fetcher.FetchAsync(url, LinkContent.Image, cancellationToken) switch
        {
            LinkFetchResult.Fetched fetched => reader.Read(fetched.Bytes),
            LinkFetchResult.Refused refused => new ImageReadResult.Refused(refused.Reason),
            _ => throw new InvalidOperationException("Unknown fetch result."),
        };

    // What a backend downloads: every reference where it uses references, the image prompts where it starts from them.
    private static IEnumerable<(ReferenceRole Role, string Url)> Used(ImagineRequest request, BackendCapabilities capabilities) =>
        capabilities.HasFlag(BackendCapabilities.References) ? Links(request).Take(GenerationRequest.MaxReferences)
        : capabilities.HasFlag(BackendCapabilities.ImagePrompts) ? Links(request).Where(static l => l.Role == ReferenceRole.ImagePrompt).Take(GenerationRequest.MaxReferences)
        : [];

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
