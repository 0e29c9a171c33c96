namespace MjBot.Testing;

/// <summary>A request a loopback server received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
