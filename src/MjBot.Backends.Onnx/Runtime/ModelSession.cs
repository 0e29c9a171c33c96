using Microsoft.ML.OnnxRuntime;

namespace MjBot.Backends.Onnx.Runtime;

/// <summary>A loaded model: what the pipeline needs of an ONNX Runtime session. Its inputs and outputs are read from
/// the model (exports differ in names, element types and shapes). <see cref="Run"/> may be called from several
/// threads.</summary>
internal sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;

    internal ModelSession(InferenceSession session, string provider, string? fallbackReason)
    {
        _session = session;
        ExecutionProvider = provider;
        FallbackReason = fallbackReason;
        Inputs = Ports(session.InputNames, session.InputMetadata);
        Outputs = Ports(session.OutputNames, session.OutputMetadata);
    }

    public IReadOnlyList<ModelPort> Inputs { get; }

    public IReadOnlyList<ModelPort> Outputs { get; }

    /// <summary>Gets the execution provider the session runs on: <c>TensorrtExecutionProvider</c>,
    /// <c>CUDAExecutionProvider</c> or <c>CPUExecutionProvider</c>.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Gets why a GPU provider was wanted but not used (ONNX Runtime's message), or null.</summary>
    public string? FallbackReason { get; }

    public ModelPort? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>Runs the model and returns the outputs named (all when null), copied into managed memory. Cancelling
    /// <paramref name="cancellationToken"/> asks ONNX Runtime to stop the run at its next operator.</summary>
    /// <exception cref="ArgumentException">An input is unknown, missing, or of the wrong element type.</exception>
    /// <exception cref="ModelRuntimeException">ONNX Runtime refused the run.</exception>
    public IReadOnlyList<NamedTensor> Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckInputs(inputs);
        var names = outputNames ?? [.. Outputs.Select(static o => o.Name)];
        foreach (var name in names)
        {
            if (Outputs.All(o => o.Name != name))
            {
                throw new ArgumentException($"The model has no output \"{name}\"; it has {string.Join(", ", Outputs.Select(static o => o.Name))}.", nameof(outputNames));
            }
        }

        var values = inputs.Select(static t => OrtValues.From(t.Tensor)).ToList();
        try
        {
            return Guarded(cancellationToken, options =>
            {
                using var results = _session.Run(options, [.. inputs.Select(static t => t.Name)], values, [.. names]);
                return results.Select((value, i) => new NamedTensor(names[i], OrtValues.Read(value))).ToList();
            });
        }
        finally
        {
            values.ForEach(static v => v.Dispose());
        }
    }

    /// <summary>Starts a run whose inputs stay bound between calls: a constant input is given once and, on a GPU, copied
    /// to the device once (ONNX Runtime copies a bound input where the model needs it when it is bound).</summary>
    public BoundRun Bind() => new(this, _session.CreateIoBinding());

    public void Dispose() => _session.Dispose();

    internal void RunBound(OrtIoBinding binding, CancellationToken cancellationToken) =>
        Guarded(cancellationToken, options =>
        {
            _session.RunWithBinding(options, binding);
            return 0;
        });

    internal void CheckInputs(IReadOnlyList<NamedTensor> inputs)
    {
        foreach (var declared in Inputs)
        {
            var given = inputs.FirstOrDefault(t => t.Name == declared.Name)
                ?? throw new ArgumentException($"The model's input \"{declared.Name}\" ({declared.Kind}) was not given.", nameof(inputs));
            CheckKind(declared, given);
        }

        foreach (var given in inputs)
        {
            if (Input(given.Name) is null)
            {
                throw new ArgumentException($"The model has no input \"{given.Name}\"; it has {string.Join(", ", Inputs.Select(static i => i.Name))}.", nameof(inputs));
            }
        }
    }

    internal static void CheckKind(ModelPort declared, NamedTensor given)
    {
        if (given.Tensor.Kind != declared.Kind)
        {
            throw new ArgumentException($"The model's input \"{declared.Name}\" takes {declared.Kind}, not {given.Tensor.Kind}.", nameof(given));
        }
    }

    private static T Guarded<T>(CancellationToken cancellationToken, Func<RunOptions, T> run)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new RunOptions();
        using var stop = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, options);
        try
        {
            return run(options);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // The run stopped because it was told to: the caller sees a cancellation, not ONNX Runtime's error.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelRuntimeException(ex.Message.Trim(), ex);
        }
    }

    private static List<ModelPort> Ports(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. names.Select(name => metadata[name] is { IsTensor: true } node
            ? new ModelPort(name, OrtValues.KindOf(node.ElementDataType), [.. node.Dimensions.Select(static d => (long)d)])
            : new ModelPort(name, ElementKind.Other, []))];
}
