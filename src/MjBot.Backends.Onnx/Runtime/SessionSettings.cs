namespace MjBot.Backends.Onnx.Runtime;

/// <summary>How a session is built.</summary>
internal sealed record SessionSettings
{
    /// <summary>Gets the CPU threads per operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    public ExecutionProviderPreference Provider { get; init; } = ExecutionProviderPreference.Auto;

    /// <summary>Gets the CUDA device id.</summary>
    public int DeviceId { get; init; }

    /// <summary>Gets the GPU memory limit of the CUDA provider's arena in bytes; 0 means none.</summary>
    public long GpuMemoryLimitBytes { get; init; }
}
