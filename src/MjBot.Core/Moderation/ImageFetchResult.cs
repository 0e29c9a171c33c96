namespace MjBot.Core.Moderation;

/// <summary>A downloaded image, or the sentence that says why MjBot would not download it.</summary>
public abstract record ImageFetchResult
{
    private ImageFetchResult()
    {
    }

    /// <summary>The bytes (a PNG, signature checked) and where they finally came from after redirects.</summary>
    public sealed record Fetched(byte[] Bytes, Uri From) : ImageFetchResult;

    /// <summary>Refused or failed, with a reason the member can act on.</summary>
    public sealed record Refused(string Reason) : ImageFetchResult;
}
