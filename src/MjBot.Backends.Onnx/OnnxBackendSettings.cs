using MjBot.OnnxRuntime;

namespace MjBot.Backends.Onnx;

/// <summary>The ONNX backend's settings (from <c>Backends:Onnx</c>).</summary>
public sealed record OnnxBackendSettings
{
    /// <summary>Gets the path of ONNX Runtime's native library.</summary>
    public required string LibraryPath { get; init; }

    /// <summary>Gets the folder that holds the model folders.</summary>
    public required string ModelFolder { get; init; }

    /// <summary>Gets the alias used when a prompt names no model.</summary>
    public string DefaultModel { get; init; } = "sd15";

    /// <summary>Gets model aliases (<c>v7</c>, <c>niji</c>, <c>draft</c>, any <c>--model</c> name) → folder names under
    /// <see cref="ModelFolder"/> (or absolute paths). An alias without an entry is itself the folder name.</summary>
    public IReadOnlyDictionary<string, string> Models { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the alias of an inpainting model (9-channel UNet) for Zoom Out and Pan; null disables them.</summary>
    public string? InpaintModel { get; init; }

    public ExecutionProviderPreference Provider { get; init; } = ExecutionProviderPreference.Auto;

    public int DeviceId { get; init; }

    public long GpuMemoryLimitBytes { get; init; }

    /// <summary>Gets the CPU threads per operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Gets how many images go through the UNet together: 4 (fastest), 2 or 1 (least memory).</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Gets the image-to-image strength of V1–V4.</summary>
    public double VariationStrength { get; init; } = 0.55;

    /// <summary>Gets the folder an alias names.</summary>
    public string FolderOf(string alias)
    {
        var name = Models.TryGetValue(alias, out var mapped) ? mapped : alias;
        return Path.IsPathRooted(name) ? name : Path.Combine(ModelFolder, name);
    }

    /// <summary>Gets every alias <c>--model</c> may name: the configured ones, the default, and the folders under
    /// <see cref="ModelFolder"/> that hold a model (a <c>unet</c> folder).</summary>
    public IReadOnlySet<string> Aliases()
    {
        var aliases = new SortedSet<string>(Models.Keys, StringComparer.Ordinal) { DefaultModel };
        if (Directory.Exists(ModelFolder))
        {
            foreach (var folder in Directory.EnumerateDirectories(ModelFolder))
            {
                if (Directory.Exists(Path.Combine(folder, "unet")))
                {
                    aliases.Add(Path.GetFileName(folder));
                }
            }
        }

        return aliases;
    }

    /// <summary>Gets whether <paramref name="alias"/> is configured (listed, or a folder of that name exists).</summary>
    public bool Knows(string alias) => Models.ContainsKey(alias) || Directory.Exists(Path.Combine(ModelFolder, alias));
}
