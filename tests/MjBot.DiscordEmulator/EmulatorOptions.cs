namespace MjBot.DiscordEmulator;

/// <summary>How the emulator behaves. Defaults are Discord's real limits.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Gets the bot token the emulator accepts (shaped like a real one, so redaction patterns apply).</summary>
    public string Token { get; init; } = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhXk2a.q8Vb1n2m3k4j5h6g7f8d9s0a1z2x3c4v5b6n7m8";

    /// <summary>Gets the application id (also the bot user's id).</summary>
    public ulong ApplicationId { get; init; } = 1098765432109876543;

    /// <summary>Gets the clock for the 3-second and 15-minute interaction deadlines (a test may drive it by hand).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the clock of the rate-limit windows, which must move on its own for a client to wait them out.</summary>
    public TimeProvider RateLimitTime { get; init; } = TimeProvider.System;

    /// <summary>Gets the heartbeat interval HELLO announces.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>Gets the IDENTIFYs left in the daily budget, as GET /gateway/bot reports them.</summary>
    public int SessionStartRemaining { get; init; } = 1000;

    /// <summary>Gets the path of Discord's OpenAPI document; when set, every JSON body (and every payload_json) is
    /// validated against it by python3-jsonschema and refused with 50035 when invalid.</summary>
    public string? OpenApiDocument { get; init; }

    /// <summary>Gets the global request limit per second (interaction endpoints exempt).</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>Gets the per-channel limit on creating and editing messages, per <see cref="MessageBucketWindow"/>.</summary>
    public int MessageBucketLimit { get; init; } = 5;

    /// <summary>Gets the window of the per-channel message bucket.</summary>
    public TimeSpan MessageBucketWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the largest file an upload may carry (Discord's default, 10 MiB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Gets the largest request (25 MiB).</summary>
    public long MaxRequestBytes { get; init; } = 25 * 1024 * 1024;
}
