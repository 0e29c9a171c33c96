using System.Text.Json;

namespace MjBot.Discord.Gateway;

/// <summary>Keeps the gateway session in one small JSON file in the data folder, readable by its owner only (the
/// session id is not a credential without the token, but it is nobody else's business either).</summary>
/// <param name="path">The file.</param>
public sealed class FileGatewaySessionStore(string path) : IGatewaySessionStore
{
    public GatewaySessionState? Take()
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllText(path), DiscordJsonContext.Default.GatewaySessionState);
            return state is { SessionId.Length: > 0, ResumeUrl.IsAbsoluteUri: true } ? state : throw new InvalidDataException($"{Path.GetFileName(path)} does not describe a gateway session.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not valid JSON ({ex.Message}).", ex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Save(GatewaySessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, state, DiscordJsonContext.Default.GatewaySessionState);
        }

        // Replace in one step, so a stop that is cut short never leaves half a file.
        File.Move(temporary, path, overwrite: true);
    }
}
