using MjBot.Core.Moderation;

namespace MjBot.Core.Ports;

/// <summary>Downloads an image a member linked (image prompts, --sref, --cref, --oref, imported files) without letting
/// the link reach the host's own network.</summary>
public interface IImageFetcher
{
    Task<ImageFetchResult> FetchAsync(string url, CancellationToken cancellationToken);
}
