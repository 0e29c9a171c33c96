namespace MjBot.Discord.Commands;

/// <summary>Remembers the hash of the command definitions last registered per scope ("global" or a guild id), so
/// that a restart does not re-register unchanged commands (Discord allows 200 command creates a day per guild).</summary>
public interface ICommandHashStore
{
    /// <summary>Reads the hash stored for <paramref name="scope"/>.</summary>
    /// <param name="scope">"global" or a guild id.</param>
    /// <returns>The hash, or <see langword="null"/>.</returns>
    string? Read(string scope);

    /// <summary>Stores <paramref name="hash"/> for <paramref name="scope"/>.</summary>
    /// <param name="scope">"global" or a guild id.</param>
    /// <param name="hash">The definitions' hash.</param>
    void Write(string scope, string hash);
}
