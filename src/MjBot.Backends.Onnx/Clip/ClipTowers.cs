using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Safety;
using MjBot.Backends.Onnx.Tokenization;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Clip;

/// <summary>A loaded CLIP model: the text tower (<c>input_ids</c>, and <c>attention_mask</c> where the export takes it,
/// to <c>text_embeds</c>) with our CLIP tokenizer, and the vision tower (<c>pixel_values</c> [1, 3, 224, 224],
/// CLIP-preprocessed, to <c>image_embeds</c>).</summary>
internal sealed class ClipTowers : IDisposable
{
    private readonly ModelSession _text;
    private readonly ModelSession _vision;
    private readonly ClipTokenizer _tokenizer;

    private ClipTowers(ModelSession text, ModelSession vision, ClipTokenizer tokenizer)
    {
        _text = text;
        _vision = vision;
        _tokenizer = tokenizer;
    }

    public string ExecutionProvider => _vision.ExecutionProvider;

    /// <exception cref="InvalidDataException">A file is missing or the towers are not shaped like CLIP's.</exception>
    /// <exception cref="ModelRuntimeException">ONNX Runtime cannot load them.</exception>
    public static ClipTowers Open(string folder, SessionSettings settings)
    {
        var tokenizer = ClipTokenizer.Load(folder);
        var text = SessionFactory.Open(ClipOptions.Tower(folder, "text_model.onnx"), settings);
        ModelSession? vision = null;
        try
        {
            vision = SessionFactory.Open(ClipOptions.Tower(folder, "vision_model.onnx"), settings);
            if (text.Input("input_ids") is null || text.Outputs.All(static o => o.Name != "text_embeds")
                || vision.Input("pixel_values") is null || vision.Outputs.All(static o => o.Name != "image_embeds"))
            {
                throw new InvalidDataException("the towers do not take input_ids and pixel_values and give text_embeds and image_embeds, as CLIP's exports with projection do");
            }

            return new ClipTowers(text, vision, tokenizer);
        }
        catch
        {
            // Not kept: the caller reports why; the sessions opened so far are released.
            vision?.Dispose();
            text.Dispose();
            throw;
        }
    }

    public float[] EmbedText(string text, CancellationToken cancellationToken)
    {
        var ids = _tokenizer.Encode(text).Ids.Select(static i => (long)i).ToArray();
        var inputs = new List<NamedTensor> { new("input_ids", new ModelTensor<long>(ids, 1, ids.Length)) };
        if (_text.Input("attention_mask") is not null)
        {
            inputs.Add(new("attention_mask", new ModelTensor<long>([.. ids.Select(_ => 1L)], 1, ids.Length)));
        }

        return Floats(_text.Run(inputs, ["text_embeds"], cancellationToken)[0].Tensor);
    }

    public float[] EmbedImage(RgbaImage image, CancellationToken cancellationToken)
    {
        var pixels = ClipImageInput.From(image);
        ModelTensor input = _vision.Input("pixel_values")!.Kind == ElementKind.Float16
            ? new ModelTensor<Half>([.. pixels.Select(static v => (Half)v)], 1, 3, ClipImageInput.Side, ClipImageInput.Side)
            : new ModelTensor<float>(pixels, 1, 3, ClipImageInput.Side, ClipImageInput.Side);
        return Floats(_vision.Run([new NamedTensor("pixel_values", input)], ["image_embeds"], cancellationToken)[0].Tensor);
    }

    public void Dispose()
    {
        _text.Dispose();
        _vision.Dispose();
    }

    private static float[] Floats(ModelTensor tensor) =>
        tensor.Kind == ElementKind.Float16 ? [.. tensor.As<Half>().Data.Select(static v => (float)v)] : tensor.As<float>().Data;
}
