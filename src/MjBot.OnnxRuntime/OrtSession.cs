using System.Buffers;
using System.Runtime.InteropServices;

namespace MjBot.OnnxRuntime;

/// <summary>A loaded model. Its inputs and outputs are read from the model (exports differ in names, element types and
/// shapes). <see cref="Run"/> may be called from several threads.</summary>
public sealed unsafe class OrtSession : IDisposable
{
    private readonly OrtRuntime _runtime;
    private readonly OrtHandle _session;

    internal OrtSession(OrtRuntime runtime, OrtHandle session, string provider, string? fallbackReason)
    {
        _runtime = runtime;
        _session = session;
        ExecutionProvider = provider;
        FallbackReason = fallbackReason;
        Inputs = SessionMetadata.Read(runtime.Api, session.DangerousGetHandle(), input: true);
        Outputs = SessionMetadata.Read(runtime.Api, session.DangerousGetHandle(), input: false);
    }

    /// <summary>Gets the model's inputs.</summary>
    public IReadOnlyList<OrtNodeInfo> Inputs { get; }

    /// <summary>Gets the model's outputs.</summary>
    public IReadOnlyList<OrtNodeInfo> Outputs { get; }

    /// <summary>Gets the execution provider the session runs on: <c>CUDAExecutionProvider</c> or
    /// <c>CPUExecutionProvider</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Gets why CUDA was wanted but not used (ONNX Runtime's message), or null.</summary>
    public string? FallbackReason { get; }

    /// <summary>Gets the input called <paramref name="name"/>, or null.</summary>
    public OrtNodeInfo? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>Runs the model and returns every output (or those named), copied into managed memory. Cancelling
    /// <paramref name="cancellationToken"/> asks ONNX Runtime to stop the run.</summary>
    /// <param name="inputs">One tensor per model input, by name, of the declared element type.</param>
    /// <param name="outputNames">The outputs wanted; null for all.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The outputs in the order asked.</returns>
    /// <exception cref="ArgumentException">An input is unknown, missing, or of the wrong element type.</exception>
    /// <exception cref="OrtException">ONNX Runtime refused the run.</exception>
    public IReadOnlyList<NamedTensor> Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_session.IsClosed, this);
        CheckInputs(inputs);
        var names = outputNames ?? [.. Outputs.Select(static o => o.Name)];
        foreach (var name in names)
        {
            if (Outputs.All(o => o.Name != name))
            {
                throw new ArgumentException($"The model has no output \"{name}\"; it has {string.Join(", ", Outputs.Select(static o => o.Name))}.", nameof(outputNames));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var api = _runtime.Api;
        var pins = new MemoryHandle[inputs.Count];
        var values = new OrtHandle?[inputs.Count];
        var outputs = new IntPtr[names.Count];
        var utf8 = new List<IntPtr>();
        OrtHandle? runOptions = null;
        try
        {
            var inputValues = new IntPtr[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var tensor = inputs[i].Tensor;
                pins[i] = tensor.Pin();
                var shape = tensor.Shape.ToArray();
                IntPtr value;
                fixed (long* dims = shape)
                {
                    var create = (delegate* unmanaged<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)api[49];
                    api.Check(create(_runtime.CpuMemory, pins[i].Pointer, (nuint)((long)tensor.Length * tensor.ElementSize), dims, (nuint)shape.Length, (int)tensor.ElementType, &value));
                }

                values[i] = new OrtHandle(api, OrtObject.Value, value);
                inputValues[i] = value;
            }

            var inputNames = inputs.Select(t => Utf8(t.Name, utf8)).ToArray();
            var outputNamePointers = names.Select(n => Utf8(n, utf8)).ToArray();
            IntPtr options;
            api.Check(((delegate* unmanaged<IntPtr*, IntPtr>)api[39])(&options));
            runOptions = new OrtHandle(api, OrtObject.RunOptions, options);
            using var stop = cancellationToken.Register(static state => Terminate((OrtHandle)state!), runOptions);
            fixed (IntPtr* inNames = inputNames, inValues = inputValues, outNames = outputNamePointers, outValues = outputs)
            {
                var run = (delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)api[9];
                var status = run(_session.DangerousGetHandle(), options, inNames, inValues, (nuint)inputs.Count, outNames, (nuint)names.Count, outValues);
                if (status != IntPtr.Zero && cancellationToken.IsCancellationRequested)
                {
                    // The run stopped because it was told to: the caller sees a cancellation, not ONNX Runtime's error.
                    api.Release(OrtObject.Status, status);
                    throw new OperationCanceledException(cancellationToken);
                }

                api.Check(status);
            }

            var results = new NamedTensor[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                using var output = new OrtHandle(api, OrtObject.Value, outputs[i]);
                outputs[i] = IntPtr.Zero;
                results[i] = new NamedTensor(names[i], TensorReader.Read(api, output.DangerousGetHandle()));
            }

            return results;
        }
        finally
        {
            foreach (var output in outputs.Where(static o => o != IntPtr.Zero))
            {
                api.Release(OrtObject.Value, output);
            }

            runOptions?.Dispose();
            foreach (var value in values)
            {
                value?.Dispose();
            }

            foreach (var pin in pins)
            {
                pin.Dispose();
            }

            foreach (var p in utf8)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private static IntPtr Utf8(string text, List<IntPtr> allocated)
    {
        var p = Marshal.StringToCoTaskMemUTF8(text);
        allocated.Add(p);
        return p;
    }

    private static void Terminate(OrtHandle runOptions)
    {
        // RunOptionsSetTerminate: the run in progress stops at the next operator and returns an error status.
        var added = false;
        runOptions.DangerousAddRef(ref added);
        try
        {
            if (!runOptions.IsClosed)
            {
                runOptions.Api.Check(((delegate* unmanaged<IntPtr, IntPtr>)runOptions.Api[46])(runOptions.DangerousGetHandle()));
            }
        }
        finally
        {
            if (added)
            {
                runOptions.DangerousRelease();
            }
        }
    }

    private void CheckInputs(IReadOnlyList<NamedTensor> inputs)
    {
        foreach (var declared in Inputs)
        {
            var given = inputs.FirstOrDefault(t => t.Name == declared.Name)
                ?? throw new ArgumentException($"The model's input \"{declared.Name}\" ({declared.ElementType}) was not given.", nameof(inputs));
            if (given.Tensor.ElementType != declared.ElementType)
            {
                throw new ArgumentException($"The model's input \"{declared.Name}\" takes {declared.ElementType}, not {given.Tensor.ElementType}.", nameof(inputs));
            }
        }

        foreach (var given in inputs)
        {
            if (Input(given.Name) is null)
            {
                throw new ArgumentException($"The model has no input \"{given.Name}\"; it has {string.Join(", ", Inputs.Select(static i => i.Name))}.", nameof(inputs));
            }
        }
    }
}
