namespace MjBot.DiscordEmulator.Gateway;

/// <summary>A gateway session: its id, sequence, the log of every dispatch (for replay on RESUME), the intents it
/// identified with, and the connection it is attached to.</summary>
internal sealed class EmulatedSession(string id, int intents)
{
    public string Id { get; } = id;

    public int Intents { get; } = intents;

    public int Sequence { get; set; }

    public List<(int Sequence, string Json)> Log { get; } = [];

    public EmulatedConnection? Connection { get; set; }

    /// <summary>Gets or sets whether the session can no longer be resumed.</summary>
    public bool Invalidated { get; set; }
}
