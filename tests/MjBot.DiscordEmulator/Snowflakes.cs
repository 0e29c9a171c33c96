namespace MjBot.DiscordEmulator;

/// <summary>Makes Discord-shaped ids: milliseconds since the Discord epoch in the top bits, a counter below.</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private const long DiscordEpochMs = 1420070400000;
    private long _counter;

    public ulong Next()
    {
        var ms = time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs;
        return ((ulong)ms << 22) | (ulong)(Interlocked.Increment(ref _counter) & 0x3FFFFF);
    }
}
