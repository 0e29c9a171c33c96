namespace MjBot.OnnxRuntime;

/// <summary>How a session is built.</summary>
public sealed record OrtSessionSettings
{
    /// <summary>Gets the CPU threads for one operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Gets the graph optimisation level.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Gets where the session should run.</summary>
    public ExecutionProviderPreference Provider { get; init; } = ExecutionProviderPreference.Auto;

    /// <summary>Gets the CUDA device id.</summary>
    public int DeviceId { get; init; }

    /// <summary>Gets the CUDA memory arena's limit in bytes; 0 means none.</summary>
    public long GpuMemoryLimitBytes { get; init; }

    /// <summary>Gets values for named dynamic dimensions (<c>AddFreeDimensionOverrideByName</c>), which lets ONNX
    /// Runtime plan static shapes.</summary>
    public IReadOnlyDictionary<string, long> FreeDimensions { get; init; } = new Dictionary<string, long>();
}
