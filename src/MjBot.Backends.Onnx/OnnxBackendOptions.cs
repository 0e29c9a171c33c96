using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx;

/// <summary>The <c>Backends:Onnx</c> section: local Stable Diffusion on ONNX Runtime. Registered by
/// <c>AddOnnxImageBackend</c>, which resolves <see cref="ModelFolder"/> against the working directory. ONNX Runtime
/// itself comes with the program (Microsoft's NuGet packages).</summary>
public sealed record OnnxBackendOptions
{
    public const string SectionName = "Backends:Onnx";

    /// <summary>Gets or sets the folder that holds model folders (each in the standard ONNX export layout).</summary>
    /// <value>The default value is <c>models</c>, relative to the working directory.</value>
    public string ModelFolder { get; set; } = "models";

    /// <summary>Gets or sets the model alias used when a prompt names none.</summary>
    /// <value>The default value is <c>sd15</c>.</value>
    public string DefaultModel { get; set; } = "sd15";

    /// <summary>Gets or sets model aliases (what <c>--model</c>, <c>--v</c>, <c>--niji</c> and <c>--draft</c> pick) →
    /// folder names under <see cref="ModelFolder"/> (or absolute paths). An alias without an entry is itself the folder
    /// name.</summary>
    public Dictionary<string, string> Models { get; set; } = [];

    /// <summary>Gets or sets the execution provider: <c>auto</c> (TensorRT where its libraries load, then CUDA, then
    /// the CPU), <c>cuda</c>, <c>tensorrt</c> or <c>cpu</c>.</summary>
    /// <value>The default value is <c>auto</c>.</value>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets or sets the CUDA device id.</summary>
    public int DeviceId { get; set; }

    /// <summary>Gets or sets the GPU memory limit in MiB; 0 means no limit.</summary>
    public int GpuMemoryLimitMiB { get; set; }

    /// <summary>Gets or sets the alias of an inpainting model (a 9-channel UNet) for Zoom Out and Pan; empty disables
    /// those buttons.</summary>
    public string? InpaintModel { get; set; }

    /// <summary>Gets or sets the CPU threads per operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Gets or sets how many images go through the UNet together: 4 (fastest), 2 or 1 (least memory).</summary>
    /// <value>The default value is 4.</value>
    public int BatchSize { get; set; } = 4;

    /// <summary>Gets or sets the image-to-image strength of V1–V4 (Vary Subtle is 0.35, Vary Strong 0.65).</summary>
    /// <value>The default value is 0.55.</value>
    public double VariationStrength { get; set; } = 0.55;

    /// <summary>Gets the execution provider <see cref="ExecutionProvider"/> names.</summary>
    internal ExecutionProviderPreference Provider => ProviderOf(ExecutionProvider);

    /// <summary>Gets the sentence for a setting <paramref name="key"/> that names no execution provider, or null.</summary>
    internal static string? ProviderProblem(string key, string setting) =>
        setting is "auto" or "cpu" or "cuda" or "tensorrt" ? null : $"{key} is \"{setting}\": use \"auto\", \"cpu\", \"cuda\" or \"tensorrt\".";

    /// <summary>Gets the execution provider a setting names (<c>auto</c>, <c>cpu</c>, <c>cuda</c>, <c>tensorrt</c>).</summary>
    internal static ExecutionProviderPreference ProviderOf(string setting) => setting switch
    {
        "tensorrt" => ExecutionProviderPreference.TensorRt,
        "cpu" => ExecutionProviderPreference.Cpu,
        "cuda" => ExecutionProviderPreference.Cuda,
        _ => ExecutionProviderPreference.Auto,
    };

    /// <summary>Gets the GPU memory limit in bytes; 0 means no limit.</summary>
    public long GpuMemoryLimitBytes => GpuMemoryLimitMiB * 1024L * 1024L;

    /// <summary>Gets the inpainting model's alias, or null when none is set.</summary>
    public string? InpaintAlias => string.IsNullOrWhiteSpace(InpaintModel) ? null : InpaintModel;

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

    /// <summary>Resolves the model folder against <paramref name="contentRoot"/> (an empty
    /// model folder is left for the validator to report). <c>AddOnnxImageBackend</c> does this for the bound options;
    /// <c>doctor</c> and <c>tokenize</c>, which read the section alone, call it themselves.</summary>
    public void ResolvePaths(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ModelFolder))
        {
            ModelFolder = Path.GetFullPath(ModelFolder, contentRoot);
        }
    }
}
