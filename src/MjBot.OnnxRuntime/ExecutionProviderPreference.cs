namespace MjBot.OnnxRuntime;

/// <summary>Where a session should run.</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when the runtime can load it, otherwise the CPU (with the reason recorded).</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>CUDA asked for explicitly; when it cannot load, the CPU, with the reason recorded.</summary>
    Cuda,
}
