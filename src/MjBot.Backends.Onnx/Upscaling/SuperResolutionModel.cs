using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>A loaded super-resolution export (Real-ESRGAN and its kin): one image input [1, 3, H, W] of RGB in 0..1,
/// float or float16, any size; one output [1, 3, sH, sW]. The factor s is found by running the model once on a small
/// grey square when it opens.</summary>
internal sealed class SuperResolutionModel : IDisposable
{
    private const int ProbeSide = 16;
    private readonly ModelSession _session;
    private readonly ModelPort _input;
    private readonly string _output;

    private SuperResolutionModel(ModelSession session, ModelPort input, string output)
    {
        _session = session;
        _input = input;
        _output = output;
    }

    public int Scale { get; private set; }

    public string ExecutionProvider => _session.ExecutionProvider;

    /// <exception cref="InvalidDataException">The model is not shaped like a super-resolution model.</exception>
    /// <exception cref="ModelRuntimeException">ONNX Runtime cannot load or run it.</exception>
    public static SuperResolutionModel Open(string file, SessionSettings settings)
    {
        var session = SessionFactory.Open(file, settings);
        try
        {
            if (session.Inputs is not [{ Shape.Count: 4, Kind: ElementKind.Float or ElementKind.Float16 } input] || input.Shape[1] is not (3 or -1)
                || session.Outputs is not [{ Shape.Count: 4 } output])
            {
                throw new InvalidDataException("the model does not take one RGB image [1, 3, height, width] of float or float16 and give one back, as Real-ESRGAN's exports do");
            }

            var model = new SuperResolutionModel(session, input, output.Name);
            var (_, shape) = model.Run(Enumerable.Repeat(0.5f, 3 * ProbeSide * ProbeSide).ToArray(), ProbeSide, ProbeSide, CancellationToken.None);
            if (shape[2] % ProbeSide != 0 || shape[2] != shape[3] || shape[2] / ProbeSide < 2)
            {
                throw new InvalidDataException($"the model made a {shape[3]}×{shape[2]} image of a {ProbeSide}×{ProbeSide} one: MjBot takes models that enlarge by a whole factor of 2 or more");
            }

            model.Scale = (int)(shape[2] / ProbeSide);
            return model;
        }
        catch
        {
            // Not kept: the caller reports why; the session is released.
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the model on planar RGB of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public (float[] Values, long[] Shape) Run(float[] planar, int width, int height, CancellationToken cancellationToken)
    {
        ModelTensor tensor = _input.Kind == ElementKind.Float16
            ? new ModelTensor<Half>([.. planar.Select(static v => (Half)v)], 1, 3, height, width)
            : new ModelTensor<float>(planar, 1, 3, height, width);
        var result = _session.Run([new NamedTensor(_input.Name, tensor)], [_output], cancellationToken)[0].Tensor;
        float[] values = result.Kind == ElementKind.Float16 ? [.. result.As<Half>().Data.Select(static v => (float)v)] : result.As<float>().Data;
        return (values, result.Shape);
    }

    public void Dispose() => _session.Dispose();
}
