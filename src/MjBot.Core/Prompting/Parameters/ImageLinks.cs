namespace MjBot.Core.Prompting.Parameters;

/// <summary>Checks that a link is a direct http(s) image link: the extension of the URL's path (not its query,
/// which Discord CDN links carry) must be an image type.</summary>
internal static class ImageLinks
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    public static PromptError? Validate(string url, int position)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return PromptError.Of(PromptErrorCode.InvalidLink, "prompt.link_invalid", position, ("url", url));
        }

        var path = uri.AbsolutePath;
        var dot = path.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : path[dot..];
        return Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? null
            : PromptError.Of(PromptErrorCode.InvalidLink, "prompt.link_not_image", position, ("url", url));
    }
}
