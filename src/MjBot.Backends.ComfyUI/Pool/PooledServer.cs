using MjBot.Backends.ComfyUI.Wire;

namespace MjBot.Backends.ComfyUI.Pool;

/// <summary>One server of the pool as last checked: healthy or not (and why), its version and devices, its queue,
/// its model files by folder, its node catalogue, and the workflows it can run.</summary>
internal sealed class PooledServer(int index, ComfyClient client)
{
    private int _ours;

    public int Index => index;

    public ComfyClient Client => client;

    /// <summary>Gets a label for logs and metrics: host and port, never a header or user info.</summary>
    public string Label { get; } = client.Server.BaseUri.Authority.Split('@')[^1];

    public bool Healthy { get; set; }

    public bool Checked { get; set; }

    public string? Problem { get; set; }

    public string Version { get; set; } = "unknown";

    public IReadOnlyList<string> Devices { get; set; } = [];

    public int QueueLength { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Files { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    public NodeCatalogue? Catalogue { get; set; }

    /// <summary>Gets each workflow's problems on this server (empty: it runs here).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WorkflowProblems { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Gets the prompts of ours running or queued here now.</summary>
    public int Ours => Volatile.Read(ref _ours);

    public void Began() => Interlocked.Increment(ref _ours);

    public void Ended() => Interlocked.Decrement(ref _ours);

    public bool Has(string folder, string file) => Files.TryGetValue(folder, out var files) && files.Contains(file);

    /// <summary>Gets the LoRA file a member's name means here (the file name without its extension), or null.</summary>
    public string? LoraFile(string name) =>
        Files.TryGetValue("loras", out var loras) ? loras.FirstOrDefault(f => LoraName(f) == name) : null;

    /// <summary>Gets a LoRA file's name as members type it: without the extension.</summary>
    public static string LoraName(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot > file.LastIndexOf('/') + 1 ? file[..dot] : file;
    }
}
