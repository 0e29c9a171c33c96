using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace MjBot.Backends.Onnx.Runtime;

/// <summary>Opens sessions on Microsoft's ONNX Runtime (the Microsoft.ML.OnnxRuntime packages: CPU natives by
/// default, CUDA and TensorRT natives in the GPU build). The process has one ONNX Runtime environment; its log lines go
/// to <see cref="Log"/> instead of stderr.</summary>
internal static class SessionFactory
{
    public const string CpuProvider = "CPUExecutionProvider";
    public const string CudaProvider = "CUDAExecutionProvider";
    public const string TensorRtProvider = "TensorrtExecutionProvider";

    private static readonly Lazy<OrtEnv> Environment = new(CreateEnvironment);
    private static Action<OrtLoggingLevel, string>? _log;

    /// <summary>Sets where ONNX Runtime's warnings and errors go (the first sink set wins; later ones are ignored).</summary>
    public static void Log(Action<OrtLoggingLevel, string> sink) => Interlocked.CompareExchange(ref _log, sink, null);

    /// <summary>Gets the runtime's version, e.g. <c>1.32.0</c>.</summary>
    public static string Version => Environment.Value.GetVersionString();

    /// <summary>Lists the execution providers this build of ONNX Runtime carries (not whether their libraries load).</summary>
    public static IReadOnlyList<string> AvailableProviders() => Environment.Value.GetAvailableProviders();

    /// <summary>Opens a model. When a GPU provider is wanted but cannot be used, the session runs on the next provider
    /// in line (TensorRT → CUDA → CPU) and <see cref="ModelSession.FallbackReason"/> says why.</summary>
    /// <exception cref="ModelRuntimeException">The model could not be loaded at all.</exception>
    public static ModelSession Open(string modelPath, SessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(modelPath))
        {
            throw new ModelRuntimeException($"No model file at {modelPath}.");
        }

        _ = Environment.Value;
        var reasons = new List<string>();
        foreach (var provider in Candidates(settings.Provider))
        {
            try
            {
                using var options = Options(settings, provider);
                var session = new InferenceSession(modelPath, options);
                return new ModelSession(session, provider, reasons.Count == 0 ? null : string.Join(" ", reasons));
            }
            catch (OnnxRuntimeException ex) when (provider != CpuProvider)
            {
                reasons.Add($"{provider}: {ex.Message.Trim()}");
            }
            catch (OnnxRuntimeException ex)
            {
                throw new ModelRuntimeException(ex.Message.Trim(), ex);
            }
        }

        throw new InvalidOperationException("The CPU provider is always the last candidate.");
    }

    private static string[] Candidates(ExecutionProviderPreference preference) => preference switch
    {
        ExecutionProviderPreference.Cpu => [CpuProvider],
        ExecutionProviderPreference.Cuda => [CudaProvider, CpuProvider],
        ExecutionProviderPreference.TensorRt => [TensorRtProvider, CudaProvider, CpuProvider],

        // auto tries TensorRT only where this build carries it (the GPU build); its libraries may still be absent.
        _ => AvailableProviders().Contains(TensorRtProvider) ? [TensorRtProvider, CudaProvider, CpuProvider] : [CudaProvider, CpuProvider],
    };

    private static SessionOptions Options(SessionSettings settings, string provider)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        try
        {
            if (settings.IntraOpThreads > 0)
            {
                options.IntraOpNumThreads = settings.IntraOpThreads;
            }

            var device = settings.DeviceId.ToString(CultureInfo.InvariantCulture);
            if (provider == TensorRtProvider)
            {
                using var trt = new OrtTensorRTProviderOptions();
                trt.UpdateOptions(new Dictionary<string, string> { ["device_id"] = device, ["trt_fp16_enable"] = "1", ["trt_engine_cache_enable"] = "1", ["trt_engine_cache_path"] = Path.Combine(Path.GetTempPath(), "mjbot-tensorrt") });
                options.AppendExecutionProvider_Tensorrt(trt);
            }

            if (provider is TensorRtProvider or CudaProvider)
            {
                using var cuda = new OrtCUDAProviderOptions();
                var pairs = new Dictionary<string, string> { ["device_id"] = device };
                if (settings.GpuMemoryLimitBytes > 0)
                {
                    pairs["gpu_mem_limit"] = settings.GpuMemoryLimitBytes.ToString(CultureInfo.InvariantCulture);
                }

                cuda.UpdateOptions(pairs);
                options.AppendExecutionProvider_CUDA(cuda);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private static OrtEnv CreateEnvironment()
    {
        var creation = new EnvironmentCreationOptions
        {
            logId = "mjbot",
            logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
            loggingFunction = static (_, severity, _, _, _, message) => _log?.Invoke(severity, message),
        };
        return OrtEnv.CreateInstanceWithOptions(ref creation);
    }
}
