using MjBot.Backends.Onnx.Runtime;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Safety;

/// <summary>The Stable Diffusion safety checker as diffusers exports it to ONNX: <c>clip_input</c> [batch, 3, 224, 224]
/// (CLIP-normalised) and <c>images</c> [batch, height, width, 3] (0..1) in; <c>has_nsfw_concepts</c> (bool, one per
/// image) out, with the images (blacked out where flagged), which MjBot does not use: a flagged image is handled by the
/// server's policy instead.</summary>
internal sealed class SafetyCheckerModel : IDisposable
{
    private readonly ModelSession _session;

    private SafetyCheckerModel(ModelSession session)
    {
        _session = session;
    }

    public string ExecutionProvider => _session.ExecutionProvider;

    /// <exception cref="InvalidDataException">The model is not shaped like the safety checker.</exception>
    /// <exception cref="ModelRuntimeException">ONNX Runtime cannot load it.</exception>
    public static SafetyCheckerModel Open(string file, SessionSettings settings)
    {
        var session = SessionFactory.Open(file, settings);
        if (session.Input("clip_input") is not { Kind: ElementKind.Float or ElementKind.Float16 } || session.Input("images") is null
            || session.Outputs.All(static o => o.Name != "has_nsfw_concepts"))
        {
            session.Dispose();
            throw new InvalidDataException("the model does not take clip_input and images and give has_nsfw_concepts, as the Stable Diffusion safety checker's ONNX export does");
        }

        return new SafetyCheckerModel(session);
    }

    /// <summary>Gets whether the checker flags <paramref name="image"/>.</summary>
    public bool Flags(RgbaImage image, CancellationToken cancellationToken)
    {
        var outputs = _session.Run(
            [Tensor("clip_input", ClipImageInput.From(image), 1, 3, ClipImageInput.Side, ClipImageInput.Side), Tensor("images", ClipImageInput.Interleaved(image), 1, image.Height, image.Width, 3)],
            ["has_nsfw_concepts"],
            cancellationToken);
        return outputs[0].Tensor.As<bool>().Data[0];
    }

    public void Dispose() => _session.Dispose();

    private NamedTensor Tensor(string name, float[] values, params long[] shape) =>
        new(name, _session.Input(name)?.Kind == ElementKind.Float16 ? new ModelTensor<Half>([.. values.Select(static v => (Half)v)], shape) : new ModelTensor<float>(values, shape));
}
