using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Prompting;
using MjBot.Core.Prompting.Emphasis;

namespace MjBot.Backends.Onnx.Tests.Families;

/// <summary>Stable Diffusion's <c>(word:1.3)</c> emphasis on the ONNX backend, at the tensor level.</summary>
public sealed class EmphasisTests
{
    private static float[] Raw(StableDiffusionModel model, IReadOnlyList<int> ids) =>
        model.Encoder.Session.Run([new NamedTensor("input_ids", new ModelTensor<int>([.. ids], 1, ids.Count))], [model.Encoder.HiddenOutput])[0].Tensor.As<float>().Data;

    [Fact]
    public void Encode_WeightedRuns_EachTokenCarriesItsRunsWeight()
    {
        var tokenizer = TinyModels.Sd.Tokenizer;
        var plainA = tokenizer.Encode("a").Count;
        var plainCat = tokenizer.Encode("cat").Count;

        var weighted = tokenizer.Encode(PromptEmphasis.Parse("a (cat:1.5)"));

        var weights = Assert.IsAssignableFrom<IReadOnlyList<float>>(weighted.Weights);
        Assert.Equal(77, weights.Count);
        Assert.Equal([1f, .. Enumerable.Repeat(1f, plainA), .. Enumerable.Repeat(1.5f, plainCat), .. Enumerable.Repeat(1f, 77 - 1 - plainA - plainCat)], weights);
        Assert.Equal(tokenizer.Encode("a cat").Ids, weighted.Ids);
    }

    [Fact]
    public void Encode_NoSyntax_NoWeights() => Assert.Null(TinyModels.Sd.Tokenizer.Encode("a cat").Weights);

    [Fact]
    public void Emphasise_KnownBlock_RowsScaledThenTheMeanRestored()
    {
        float[] block = [1, 1, 1, 1];
        TextEmbedder.Emphasise(block, [1f, 3f], 2);

        Assert.Equal([0.5f, 0.5f, 1.5f, 1.5f], block);
    }

    [Fact]
    public void Encode_WeightedPrompt_WeightedRowsScaledAndTheMeanRestored()
    {
        var model = TinyModels.Sd;
        var tokens = model.Tokenizer.Encode(PromptEmphasis.Parse("a (cat:1.5) photo"));
        var raw = Raw(model, tokens.Ids);

        var text = TextEmbedder.Encode(model, [[new PromptSegment("a (cat:1.5) photo", 1)]], default);

        var result = text.Hidden[0];
        Assert.Equal(raw.Average(), result.Average(), 4);
        var k = result[0] / raw[0];
        for (var t = 0; t < 77; t++)
        {
            var expected = k * tokens.Weights![t];
            for (var j = 0; j < 32; j++)
            {
                var i = (t * 32) + j;
                Assert.InRange(result[i] - (expected * raw[i]), -1e-4, 1e-4);
            }
        }

        Assert.Contains(tokens.Weights!, static w => w == 1.5f);
    }

    [Fact]
    public void Encode_UnweightedPrompt_TheEncodersOutputToTheBit()
    {
        var model = TinyModels.Sd;
        var text = TextEmbedder.Encode(model, [[new PromptSegment("a cat photo", 1)]], default);

        Assert.Equal(Raw(model, model.Tokenizer.Encode("a cat photo").Ids), text.Hidden[0]);
    }
}
