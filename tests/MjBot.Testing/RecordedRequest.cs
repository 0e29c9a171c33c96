namespace MjBot.Testing;

/// <summary>A request a loopback server received, with its body's exact bytes.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] BodyBytes)
{
    /// <summary>Gets the body as UTF-8 text.</summary>
    public string Body => System.Text.Encoding.UTF8.GetString(BodyBytes);
}
