using MjBot.Core.Moderation;

namespace MjBot.Core.Ports;

/// <summary>Downloads what a member linked or attached (image prompts, --sref, --cref, --oref, an imported list)
/// without letting the link reach the host's own network.</summary>
public interface ILinkFetcher
{
    Task<LinkFetchResult> FetchAsync(string url, LinkContent expected, CancellationToken cancellationToken);
}
