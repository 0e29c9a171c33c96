using System.Text.Json;

namespace MjBot.Discord.Commands;

/// <summary>Keeps command hashes in one small JSON file (in the data folder): <c>{"global": "…", "1234": "…"}</c>.</summary>
/// <param name="path">The file.</param>
public sealed class FileCommandHashStore(string path) : ICommandHashStore
{
    private readonly Lock _gate = new();

    public string? Read(string scope)
    {
        lock (_gate)
        {
            return Load().GetValueOrDefault(scope);
        }
    }

    public void Write(string scope, string hash)
    {
        lock (_gate)
        {
            var hashes = Load();
            hashes[scope] = hash;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(hashes, DiscordJsonContext.Default.DictionaryStringString));

            // Replace in one step, so a crash never leaves half a file.
            File.Move(temporary, path, overwrite: true);
        }
    }

    private Dictionary<string, string> Load()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DiscordJsonContext.Default.DictionaryStringString) ?? [];
        }
        catch (JsonException)
        {
            // An unreadable file only costs one re-registration, after which it is rewritten.
            return [];
        }
    }
}
