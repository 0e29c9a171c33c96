using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MjBot.Storage;

/// <summary>One MjBot process per data folder: an exclusive lock on <c>mjbot.lock</c> (an advisory file lock the
/// operating system releases when the process ends, a crash or SIGKILL included), with <c>mjbot.lock.json</c> beside
/// it naming the holder (process id, machine, start time) so a second process can say who has the folder.</summary>
public sealed class DataFolderLock : IDisposable
{
    private const string LockFile = "mjbot.lock";
    private const string HolderFile = "mjbot.lock.json";
    private readonly FileStream _lock;
    private readonly string _holderPath;

    private DataFolderLock(FileStream held, string holderPath)
    {
        _lock = held;
        _holderPath = holderPath;
    }

    /// <summary>Takes the folder, or says who holds it.</summary>
    /// <param name="dataFolder">The data folder (created when missing).</param>
    /// <param name="now">The start time written for the next process to read.</param>
    /// <param name="held">The lock, kept until disposed.</param>
    /// <returns>Null when taken; otherwise one sentence naming the process that holds the folder.</returns>
    public static string? TryAcquire(string dataFolder, DateTimeOffset now, out DataFolderLock? held)
    {
        held = null;
        Directory.CreateDirectory(dataFolder);
        var holderPath = Path.Combine(dataFolder, HolderFile);
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(dataFolder, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return $"Another MjBot process ({Holder(holderPath)}) is using the data folder {dataFolder}; stop it first, or give this one its own Storage:DataFolder.";
        }

        try
        {
            using var process = Process.GetCurrentProcess();
            var holder = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["pid"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                ["machine"] = Environment.MachineName,
                ["started"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["program"] = process.ProcessName,
            }, StorageJsonContext.Default.DictionaryStringString);
            File.WriteAllText(holderPath, holder);
        }
        catch
        {
            // The folder is not writable: let the lock go, and let the caller report the fault.
            stream.Dispose();
            throw;
        }

        held = new DataFolderLock(stream, holderPath);
        return null;
    }

    public void Dispose()
    {
        File.Delete(_holderPath);
        _lock.Dispose();
    }

    private static string Holder(string holderPath)
    {
        try
        {
            var fields = JsonSerializer.Deserialize(File.ReadAllText(holderPath), StorageJsonContext.Default.DictionaryStringString) ?? [];
            return $"process {fields.GetValueOrDefault("pid", "?")} on {fields.GetValueOrDefault("machine", "?")}, started {fields.GetValueOrDefault("started", "?")}";
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return "a process that has not yet said who it is";
        }
    }
}
