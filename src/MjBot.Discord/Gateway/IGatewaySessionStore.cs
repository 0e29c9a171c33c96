namespace MjBot.Discord.Gateway;

/// <summary>Keeps one gateway session across a restart. The client saves it when it is stopped and takes it (reads
/// and removes it) when it starts, so a session is offered for RESUME once: a crash after that start never replays
/// events the crashed process had already handled.</summary>
public interface IGatewaySessionStore
{
    /// <summary>Reads and removes the saved session.</summary>
    /// <returns>The session, or <see langword="null"/> when none was saved.</returns>
    /// <exception cref="InvalidDataException">Something was saved but cannot be read; it is removed all the same.</exception>
    GatewaySessionState? Take();

    /// <summary>Saves the session, replacing any saved before.</summary>
    /// <param name="state">The session.</param>
    void Save(GatewaySessionState state);
}
