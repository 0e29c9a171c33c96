using MjBot.Core.Localization;

namespace MjBot.Core.Moderation;

/// <summary>Downloaded bytes, or the sentence that says why MjBot would not download them.</summary>
public abstract record LinkFetchResult
{
    private LinkFetchResult()
    {
    }

    /// <summary>The bytes (of the expected kind, checked) and where they finally came from after redirects.</summary>
    public sealed record Fetched(byte[] Bytes, Uri From) : LinkFetchResult;

    /// <summary>Refused or failed, with a reason the member can act on.</summary>
    public sealed record Refused(CatalogueText Reason) : LinkFetchResult;
}
