using Microsoft.ML.OnnxRuntime;

namespace MjBot.Backends.Onnx.Runtime;

/// <summary>Repeated runs of one model with bound inputs (ONNX Runtime's IOBinding): the UNet loop binds the text
/// embeddings and the added conditions once per batch and only the latents and the timestep at each step. On CUDA a
/// bound input is copied to the device when it is bound and stays there; outputs come back to host memory, where the
/// schedulers work.</summary>
internal sealed class BoundRun : IDisposable
{
    private readonly ModelSession _session;
    private readonly OrtIoBinding _binding;
    private readonly Dictionary<string, OrtValue> _bound = new(StringComparer.Ordinal);

    internal BoundRun(ModelSession session, OrtIoBinding binding)
    {
        _session = session;
        _binding = binding;
    }

    /// <summary>Gets how many times an input was bound (a constant input counts once however many steps run).</summary>
    public int Bindings { get; private set; }

    /// <summary>Binds (or rebinds) an input; it stays bound for every later <see cref="Run"/>.</summary>
    public void Set(NamedTensor input)
    {
        var declared = _session.Input(input.Name) ?? throw new ArgumentException($"The model has no input \"{input.Name}\".", nameof(input));
        ModelSession.CheckKind(declared, input);
        var value = OrtValues.From(input.Tensor);
        _binding.BindInput(input.Name, value);
        if (_bound.Remove(input.Name, out var old))
        {
            old.Dispose();
        }

        _bound[input.Name] = value;
        Bindings++;
    }

    /// <summary>Runs the model with what is bound and returns the output named.</summary>
    public ModelTensor Run(string output, CancellationToken cancellationToken)
    {
        var missing = _session.Inputs.Where(i => !_bound.ContainsKey(i.Name)).Select(static i => i.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The model's inputs {string.Join(", ", missing)} were not bound.", nameof(output));
        }

        _binding.ClearBoundOutputs();
        _binding.BindOutputToDevice(output, OrtMemoryInfo.DefaultInstance);
        _session.RunBound(_binding, cancellationToken);
        using var values = _binding.GetOutputValues();
        return OrtValues.Read(values.First());
    }

    public void Dispose()
    {
        _binding.Dispose();
        foreach (var value in _bound.Values)
        {
            value.Dispose();
        }
    }
}
