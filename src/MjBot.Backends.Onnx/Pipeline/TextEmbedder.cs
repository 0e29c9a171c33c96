using MjBot.Backends.Onnx.Tokenization;
using MjBot.Core.Prompting;
using MjBot.OnnxRuntime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Turns prompts into text embeddings [77, width]. A multi-prompt (<c>a::2 b::-0.5</c>) is encoded segment by
/// segment and combined as the weighted mean Σ wᵢ·Eᵢ / Σ wᵢ (the grammar keeps Σ wᵢ positive), so a negative
/// segment pushes away from its text. All segments of all prompts go through the text encoder in one batch.</summary>
internal static class TextEmbedder
{
    /// <summary>Encodes each prompt (a list of weighted segments); returns one [77·width] array per prompt and the
    /// tokenization of every segment, in order.</summary>
    public static (float[][] Embeddings, int Width, IReadOnlyList<TokenizedText> Tokens) Encode(StableDiffusionModel model, IReadOnlyList<IReadOnlyList<PromptSegment>> prompts, CancellationToken cancellationToken)
    {
        var segments = prompts.SelectMany(static p => p).ToList();
        var tokens = segments.Select(s => model.Tokenizer.Encode(s.Text)).ToList();
        var length = model.Tokenizer.Length;
        var ids = tokens.SelectMany(static t => t.Ids).ToArray();
        var input = model.TextEncoder.Input("input_ids")!;
        var outputName = model.TextEncoder.Outputs.FirstOrDefault(static o => o.Name == "last_hidden_state")?.Name ?? model.TextEncoder.Outputs[0].Name;
        var output = model.TextEncoder.Run([new NamedTensor(input.Name, TensorData.Ids(ids, input.ElementType, segments.Count, length))], [outputName], cancellationToken)[0].Tensor;
        var hidden = TensorData.ToFloats(output);
        var width = (int)output.Shape[^1];
        var size = length * width;
        var result = new float[prompts.Count][];
        var next = 0;
        for (var p = 0; p < prompts.Count; p++)
        {
            var embedding = new float[size];
            var total = prompts[p].Sum(static s => s.Weight);
            foreach (var segment in prompts[p])
            {
                var w = (float)(segment.Weight / total);
                var source = hidden.AsSpan(next++ * size, size);
                for (var i = 0; i < size; i++)
                {
                    embedding[i] += w * source[i];
                }
            }

            result[p] = embedding;
        }

        return (result, width, tokens);
    }
}
