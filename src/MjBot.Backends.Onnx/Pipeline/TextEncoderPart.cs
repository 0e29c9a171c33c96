using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Tokenization;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>One text encoder, its tokenizer and the outputs the pipeline reads: the hidden states (the last layer's for
/// SD 1.x/2.x; the penultimate layer's, <c>hidden_states.{n−2}</c> of an export with hidden states, for SDXL) and, for
/// SDXL's second encoder, the pooled <c>text_embeds</c>.</summary>
internal sealed record TextEncoderPart(ModelSession Session, ClipTokenizer Tokenizer, string HiddenOutput, string? PooledOutput, int Width, int PooledWidth)
{
    public static TextEncoderPart Open(ModelSession session, ClipTokenizer tokenizer, string part, bool penultimate)
    {
        StableDiffusionModel.Require(session, part, "input_ids");
        string hidden;
        if (penultimate)
        {
            var layers = session.Outputs.Select(static o => o.Name).Where(static n => n.StartsWith("hidden_states.", StringComparison.Ordinal)).ToList();
            hidden = layers.Count >= 2
                ? $"hidden_states.{layers.Count - 2}"
                : throw new InvalidDataException($"{part}/model.onnx has no hidden_states.N outputs (it has {string.Join(", ", session.Outputs.Select(static o => o.Name))}); SDXL reads the penultimate layer: export the text encoders with their hidden states, as Optimum does.");
            if (layers.All(l => l != hidden))
            {
                throw new InvalidDataException($"{part}/model.onnx's hidden_states outputs are not numbered 0…{layers.Count - 1}.");
            }
        }
        else
        {
            hidden = session.Outputs.FirstOrDefault(static o => o.Name == "last_hidden_state")?.Name ?? session.Outputs[0].Name;
        }

        var pooled = part == "text_encoder_2"
            ? session.Outputs.FirstOrDefault(static o => o.Name == "text_embeds")?.Name
                ?? throw new InvalidDataException($"{part}/model.onnx has no output \"text_embeds\" (SDXL's pooled prompt embedding).")
            : null;
        var width = session.Outputs.First(o => o.Name == hidden).Shape is [.., var w] ? (int)w : -1;
        var pooledWidth = pooled is null ? 0 : session.Outputs.First(o => o.Name == pooled).Shape is [.., var p] ? (int)p : -1;
        return new TextEncoderPart(session, tokenizer, hidden, pooled, width, pooledWidth);
    }
}
