using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MjBot.OnnxRuntime;

/// <summary>A loaded ONNX Runtime library and its environment (one per library path, for the life of the process:
/// a native library cannot be unloaded safely while sessions may exist). ONNX Runtime's own log lines go to
/// <see cref="Log"/> instead of stderr.</summary>
public sealed unsafe class OrtRuntime
{
    private static readonly ConcurrentDictionary<string, Lazy<OrtRuntime>> Loaded = new(StringComparer.Ordinal);
    private readonly OrtHandle _env;
    private readonly OrtHandle _cpuMemory;
    private GCHandle _self;

    private OrtRuntime(OrtApi api, string libraryPath)
    {
        Api = api;
        LibraryPath = libraryPath;
        _self = GCHandle.Alloc(this);
        IntPtr env;
        var logId = "mjbot"u8.ToArray();
        fixed (byte* id = logId)
        {
            var create = (delegate* unmanaged<delegate* unmanaged<IntPtr, int, byte*, byte*, byte*, byte*, void>, IntPtr, int, byte*, IntPtr*, IntPtr>)api[4];
            api.Check(create(&OnLog, GCHandle.ToIntPtr(_self), (int)OrtLogSeverity.Warning, id, &env));
        }

        _env = new OrtHandle(api, OrtObject.Env, env);
        IntPtr memory;
        api.Check(((delegate* unmanaged<int, int, IntPtr*, IntPtr>)api[69])(1 /* arena */, 0 /* default */, &memory));
        _cpuMemory = new OrtHandle(api, OrtObject.MemoryInfo, memory);
    }

    /// <summary>Gets or sets where ONNX Runtime's log lines (warnings and above) go; without a sink they are dropped.</summary>
    public Action<OrtLogSeverity, string>? Log { get; set; }

    /// <summary>Gets the runtime's version, e.g. <c>1.30.0</c>.</summary>
    public string Version => Api.RuntimeVersion;

    /// <summary>Gets the path the library was loaded from.</summary>
    public string LibraryPath { get; }

    internal OrtApi Api { get; }

    internal IntPtr Env => _env.DangerousGetHandle();

    internal IntPtr CpuMemory => _cpuMemory.DangerousGetHandle();

    /// <summary>Loads ONNX Runtime from <paramref name="libraryPath"/> (once per path).</summary>
    /// <param name="libraryPath">The path of libonnxruntime.so(.1), onnxruntime.dll or libonnxruntime.dylib.</param>
    /// <returns>The runtime.</returns>
    /// <exception cref="OrtException">The file is missing, is not ONNX Runtime, or is too old.</exception>
    public static OrtRuntime Load(string libraryPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryPath);
        var full = Path.GetFullPath(libraryPath);
        var lazy = Loaded.GetOrAdd(full, static path => new Lazy<OrtRuntime>(() => new OrtRuntime(OrtApi.Load(path), path)));
        try
        {
            return lazy.Value;
        }
        catch (OrtException)
        {
            Loaded.TryRemove(new KeyValuePair<string, Lazy<OrtRuntime>>(full, lazy));
            throw;
        }
    }

    /// <summary>Lists the execution providers this build of ONNX Runtime knows (not whether their libraries load).</summary>
    /// <returns>Provider names such as <c>CUDAExecutionProvider</c> and <c>CPUExecutionProvider</c>.</returns>
    public IReadOnlyList<string> AvailableProviders()
    {
        IntPtr* names;
        int count;
        Api.Check(((delegate* unmanaged<IntPtr**, int*, IntPtr>)Api[125])(&names, &count));
        try
        {
            var list = new string[count];
            for (var i = 0; i < count; i++)
            {
                list[i] = Marshal.PtrToStringUTF8(names[i]) ?? string.Empty;
            }

            return list;
        }
        finally
        {
            Api.Check(((delegate* unmanaged<IntPtr*, int, IntPtr>)Api[126])(names, count));
        }
    }

    /// <summary>Opens a model. When CUDA is wanted but cannot be used, the session runs on the CPU and
    /// <see cref="OrtSession.FallbackReason"/> says why.</summary>
    /// <param name="modelPath">The model.onnx file (external data is read from beside it).</param>
    /// <param name="settings">How to build the session.</param>
    /// <returns>The session.</returns>
    /// <exception cref="OrtException">The model could not be loaded.</exception>
    public OrtSession OpenSession(string modelPath, OrtSessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(settings);
        string? fallback = null;
        if (settings.Provider != ExecutionProviderPreference.Cpu)
        {
            try
            {
                using var cudaOptions = SessionBuilder.Options(this, settings, cuda: true);
                return new OrtSession(this, SessionBuilder.Create(this, modelPath, cudaOptions), "CUDAExecutionProvider", null);
            }
            catch (OrtException ex) when (ex.Code is not (OrtErrorCode.NoSuchFile or OrtErrorCode.InvalidProtobuf or OrtErrorCode.NoModel or OrtErrorCode.InvalidGraph))
            {
                fallback = ex.Message.Trim();
            }
        }

        using var cpuOptions = SessionBuilder.Options(this, settings, cuda: false);
        return new OrtSession(this, SessionBuilder.Create(this, modelPath, cpuOptions), "CPUExecutionProvider", fallback);
    }

    [UnmanagedCallersOnly]
    private static void OnLog(IntPtr param, int severity, byte* category, byte* logId, byte* location, byte* message)
    {
        if (GCHandle.FromIntPtr(param).Target is OrtRuntime { Log: { } sink })
        {
            sink((OrtLogSeverity)severity, Marshal.PtrToStringUTF8((IntPtr)message) ?? string.Empty);
        }
    }
}
