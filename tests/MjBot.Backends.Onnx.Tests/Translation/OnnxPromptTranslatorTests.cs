using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.Onnx.Translation;
using MjBot.Core.Generation;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Translation;

public sealed class OnnxPromptTranslatorTests
{
    private static OnnxPromptTranslator Translator(string language, string? folder = null) =>
        new(new TranslationOptions { Models = new() { [language] = folder ?? OnnxTestAssets.Model("tiny-opus-mt-ko-en") }, ExecutionProvider = "cpu", IntraOpThreads = 1 }, NullLogger<OnnxPromptTranslator>.Instance);

    [Theory]
    [InlineData("ko", "빨간 여우", true)]
    [InlineData("ko", "あかいきつね", false)]
    [InlineData("ko", "a red fox", false)]
    [InlineData("mul", "あかいきつね", true)]
    [InlineData("mul", "빨간 여우", true)]
    public void Reads_ByTheTextsScript(string configured, string text, bool expected)
    {
        using var translator = Translator(configured);

        Assert.Equal(expected, translator.Reads(text));
        Assert.True(translator.RunsLocally);
    }

    [Fact]
    public async Task TranslateAsync_SeveralTexts_EachTranslatedInOrderWeightsKept()
    {
        using var translator = Translator("ko");

        var english = await translator.TranslateAsync(["(빨간 여우:1.2), 눈 숲", "나무"], CancellationToken.None);

        Assert.Equal(["(red fox:1.2), snowy forest", "trees"], english);
    }

    [Fact]
    public async Task TranslateAsync_ModelDoesNotOpen_FailsNotRetryableAndTriesAgainLater()
    {
        using var folder = MarianTranslationModelTests.Copy();
        File.WriteAllText(folder.Combine("vocab.json"), "[1, 2]");
        using var translator = Translator("ko", folder.Path);

        var ex = await Assert.ThrowsAsync<GenerationException>(() => translator.TranslateAsync(["빨간 여우"], CancellationToken.None));
        Assert.False(ex.Retryable);
        Assert.StartsWith("the translation model for this language does not open", ex.Message, StringComparison.Ordinal);

        File.Copy(Path.Combine(OnnxTestAssets.Model("tiny-opus-mt-ko-en"), "vocab.json"), folder.Combine("vocab.json"), overwrite: true);
        Assert.Equal(["red fox"], await translator.TranslateAsync(["빨간 여우"], CancellationToken.None));
    }

    [Fact]
    public void Validate_Problems_EachNamedByItsKey()
    {
        using var empty = new TempFolder();
        var options = new TranslationOptions
        {
            Models = new() { ["korean"] = "/x", ["ja"] = " ", ["ko"] = empty.Path, ["mul"] = OnnxTestAssets.Model("tiny-opus-mt-ko-en") },
            ExecutionProvider = "rocm",
            MaxTokens = 4,
        };

        var failures = new TranslationOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, static f => f.StartsWith("Translation:ExecutionProvider is \"rocm\"", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Translation:IntraOpThreads must be 0 or more and Translation:MaxTokens", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Translation:Models:korean: the key is the prompt's language", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Translation:Models:ja is empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"Translation:Models:ko ({empty.Path}): encoder_model.onnx is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, static f => f.StartsWith("Translation:Models:mul", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new TranslationOptionsValidator().Validate(null, new TranslationOptions()).Succeeded);
}
