using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Tokenization;
using MjBot.Core.Prompting;
using MjBot.Core.Prompting.Emphasis;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Turns prompts into text embeddings. A multi-prompt (<c>a::2 b::-0.5</c>) is encoded segment by segment
/// and combined as the weighted mean Σ wᵢ·Eᵢ / Σ wᵢ (the grammar keeps Σ wᵢ positive), so a negative segment pushes
/// away from its text. All segments of all prompts go through each text encoder in one batch. SDXL: each token's
/// embedding is the first encoder's penultimate hidden state followed by the second's (768 + 1280 = 2048 wide), and
/// the pooled embedding is the second encoder's <c>text_embeds</c>, combined with the same weights; an empty negative
/// prompt is all zeros there, as SDXL's pipeline does. Emphasis (<c>(word:1.3)</c>, <see cref="PromptEmphasis"/>) scales
/// the weighted tokens' rows of each encoder's output and restores the block's mean; text without the syntax is
/// tokenized and encoded exactly as before.</summary>
internal static class TextEmbedder
{
    public static TextConditioning Encode(StableDiffusionModel model, IReadOnlyList<IReadOnlyList<PromptSegment>> prompts, CancellationToken cancellationToken)
    {
        var segments = prompts.SelectMany(static p => p).ToList();
        var (first, tokens) = Run(model.Encoder, segments, cancellationToken);
        var length = model.Tokenizer.Length;
        float[] hidden;
        int width;
        float[]? pooled = null;
        var pooledWidth = 0;
        if (model.Encoder2 is { } part)
        {
            var (second, _) = Run(part, segments, cancellationToken);
            width = first.Width + second.Width;
            hidden = Concatenate(first.Hidden, first.Width, second.Hidden, second.Width, segments.Count * length);
            pooled = second.Pooled;
            pooledWidth = second.PooledWidth;
        }
        else
        {
            (hidden, width) = (first.Hidden, first.Width);
        }

        var zeroEmpty = model.Family == ModelFamily.Sdxl;
        return new TextConditioning(
            Combine(prompts, hidden, length * width, zeroEmpty),
            width,
            pooled is null ? null : Combine(prompts, pooled, pooledWidth, zeroEmpty),
            pooledWidth,
            tokens);
    }

    // Each token's row: the first encoder's values, then the second's.
    internal static float[] Concatenate(float[] a, int widthA, float[] b, int widthB, int rows)
    {
        var result = new float[rows * (widthA + widthB)];
        for (var r = 0; r < rows; r++)
        {
            a.AsSpan(r * widthA, widthA).CopyTo(result.AsSpan(r * (widthA + widthB)));
            b.AsSpan(r * widthB, widthB).CopyTo(result.AsSpan((r * (widthA + widthB)) + widthA));
        }

        return result;
    }

    private static float[][] Combine(IReadOnlyList<IReadOnlyList<PromptSegment>> prompts, float[] perSegment, int size, bool zeroEmpty)
    {
        var result = new float[prompts.Count][];
        var next = 0;
        for (var p = 0; p < prompts.Count; p++)
        {
            var embedding = new float[size];
            var total = prompts[p].Sum(static s => s.Weight);
            var empty = zeroEmpty && prompts[p].All(static s => string.IsNullOrWhiteSpace(s.Text));
            foreach (var segment in prompts[p])
            {
                var w = (float)(segment.Weight / total);
                var source = perSegment.AsSpan(next++ * size, size);
                for (var i = 0; i < size && !empty; i++)
                {
                    embedding[i] += w * source[i];
                }
            }

            result[p] = embedding;
        }

        return result;
    }

    private static (EncoderOutput Output, IReadOnlyList<TokenizedText> Tokens) Run(TextEncoderPart part, IReadOnlyList<PromptSegment> segments, CancellationToken cancellationToken)
    {
        var tokens = segments.Select(s => PromptEmphasis.Uses(s.Text) ? part.Tokenizer.Encode(PromptEmphasis.Parse(s.Text)) : part.Tokenizer.Encode(s.Text)).ToList();
        var length = part.Tokenizer.Length;
        var ids = tokens.SelectMany(static t => t.Ids).ToArray();
        var input = part.Session.Input("input_ids")!;
        List<string> wanted = part.PooledOutput is { } p ? [part.HiddenOutput, p] : [part.HiddenOutput];
        var outputs = part.Session.Run([new NamedTensor(input.Name, TensorData.Ids(ids, input.Kind, segments.Count, length))], wanted, cancellationToken);
        var hidden = outputs[0].Tensor;
        var pooled = part.PooledOutput is null ? null : outputs[1].Tensor;
        var states = TensorData.ToFloats(hidden);
        var width = (int)hidden.Shape[^1];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Weights is { } weights)
            {
                Emphasise(states.AsSpan(i * length * width, length * width), weights, width);
            }
        }

        return (new EncoderOutput(states, width, pooled is null ? null : TensorData.ToFloats(pooled), pooled is null ? 0 : (int)pooled.Shape[^1]), tokens);
    }

    /// <summary>Emphasis as Stable Diffusion tools apply it: each token's row × its weight, then the whole block × (its
    /// mean before ÷ its mean after), so the overall level stays where the text encoder put it.</summary>
    internal static void Emphasise(Span<float> block, IReadOnlyList<float> weights, int width)
    {
        double before = 0;
        foreach (var v in block)
        {
            before += v;
        }

        for (var t = 0; t < weights.Count; t++)
        {
            var row = block.Slice(t * width, width);
            for (var j = 0; j < width; j++)
            {
                row[j] *= weights[t];
            }
        }

        double after = 0;
        foreach (var v in block)
        {
            after += v;
        }

        if (after == 0)
        {
            return;
        }

        var restore = (float)(before / after);
        for (var i = 0; i < block.Length; i++)
        {
            block[i] *= restore;
        }
    }
}
