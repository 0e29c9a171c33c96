namespace MjBot.DiscordEmulator.State;

/// <summary>One REST request and the emulator's answer.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path with its query.</param>
/// <param name="Route">The matched route template, or the path when nothing matched.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The raw body.</param>
/// <param name="JsonBody">The JSON body (or payload_json), when there was one.</param>
/// <param name="Status">The answer's status.</param>
/// <param name="ErrorCode">Discord's JSON error code, when refused.</param>
/// <param name="At">When it arrived.</param>
public sealed record RecordedCall(
    string Method,
    string Path,
    string Route,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? JsonBody,
    int Status,
    int? ErrorCode,
    DateTimeOffset At);
