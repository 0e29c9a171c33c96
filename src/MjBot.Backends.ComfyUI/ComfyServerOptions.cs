namespace MjBot.Backends.ComfyUI;

/// <summary>One ComfyUI server of the pool (<c>Backends:ComfyUI:Servers:N</c>).</summary>
public sealed record ComfyServerOptions
{
    /// <summary>Gets or sets the server's base address, e.g. <c>http://comfyui:8188</c> (a path prefix such as
    /// <c>/comfy</c> behind a reverse proxy is kept).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Gets or sets a header sent with every request, for a reverse proxy's authentication (e.g.
    /// <c>Authorization</c>); ComfyUI itself has none.</summary>
    public string? HeaderName { get; set; }

    /// <summary>Gets or sets the header's value (a secret: never logged, never shown by <c>mjbot doctor</c>).</summary>
    public string? HeaderValue { get; set; }

    /// <summary>Prints the address and the header's name, never its value (a record prints every property).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", HeaderName = ").Append(HeaderName);
        return true;
    }

    /// <summary>Gets the address with a trailing slash, so relative paths keep a path prefix.</summary>
    internal Uri BaseUri => new(Url.TrimEnd('/') + "/");
}
