using MjBot.Backends.Onnx.Translation;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Translation;

/// <summary>The tiny generated opus-mt export (tests/models/tiny-opus-mt-ko-en, eng/make-tiny-translator.py): its
/// decoder answers a word table, and scores the pad token highest at every step.</summary>
public sealed class MarianTranslationModelTests
{
    private static readonly Lazy<MarianTranslationModel> Tiny = new(() => MarianTranslationModel.Open(Folder, TinyModels.Cpu, 160));

    private static string Folder => OnnxTestAssets.Model("tiny-opus-mt-ko-en");

    [Theory]
    [InlineData("빨간 여우", "red fox")]
    [InlineData("눈 숲 고양이", "snowy forest cat")]
    [InlineData("폭력적인 장면", "violent scene")]
    [InlineData("빨간 피자 여우", "red fox")] // 피자: pieces the vocabulary lacks are <unk>, which is never written
    [InlineData("ＡＢ 바다", "sea")] // nmt_nfkc folds the full-width letters first; the model knows no Latin
    public void Translate_KoreanPhrase_TheModelsEnglish(string korean, string english) =>
        Assert.Equal(english, Tiny.Value.Translate(korean, CancellationToken.None));

    [Fact]
    public void Translate_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Tiny.Value.Translate("빨간 여우", cancelled.Token));
    }

    [Fact]
    public void Translate_ConfigWithoutBadWords_PadStillNeverWritten()
    {
        using var folder = Copy();
        File.Delete(folder.Combine("generation_config.json"));

        using var model = MarianTranslationModel.Open(folder.Path, TinyModels.Cpu, 160);

        Assert.Equal("red fox", model.Translate("빨간 여우", CancellationToken.None));
    }

    [Fact]
    public void Translate_MaxTokens_OutputStopsThere()
    {
        using var model = MarianTranslationModel.Open(Folder, TinyModels.Cpu, 2);

        Assert.Equal("snowy forest", model.Translate("눈 숲 고양이 바다", CancellationToken.None));
    }

    [Fact]
    public void Open_DecoderWithOtherInputs_RefusedNamingTheExportToUse()
    {
        using var folder = Copy();
        File.Copy(folder.Combine("encoder_model.onnx"), folder.Combine("decoder_model.onnx"), overwrite: true);

        var ex = Assert.Throws<InvalidDataException>(() => MarianTranslationModel.Open(folder.Path, TinyModels.Cpu, 160));

        Assert.Contains("use the decoder exported without past key values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ConfigWithoutEndToken_RefusedSayingWhich()
    {
        using var folder = Copy();
        File.WriteAllText(folder.Combine("config.json"), """{"pad_token_id": 40}""");
        File.Delete(folder.Combine("generation_config.json"));

        var ex = Assert.Throws<InvalidDataException>(() => MarianTranslationModel.Open(folder.Path, TinyModels.Cpu, 160));

        Assert.Equal("config.json has no eos_token_id", ex.Message);
    }

    [Fact]
    public void Open_SourcePiecesNotSentencePiece_RefusedSayingWhich()
    {
        using var folder = Copy();
        File.WriteAllText(folder.Combine("source.spm"), "not a model");

        var ex = Assert.Throws<InvalidDataException>(() => MarianTranslationModel.Open(folder.Path, TinyModels.Cpu, 160));

        Assert.StartsWith("source.spm is not a SentencePiece model MjBot reads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ModelsUnderOnnxFolder_Found()
    {
        using var folder = Copy();
        Directory.CreateDirectory(folder.Combine("onnx"));
        File.Move(folder.Combine("encoder_model.onnx"), folder.Combine("onnx", "encoder_model.onnx"));
        File.Move(folder.Combine("decoder_model.onnx"), folder.Combine("onnx", "decoder_model.onnx"));

        Assert.Empty(MarianModelFolder.Problems(folder.Path));
        using var model = MarianTranslationModel.Open(folder.Path, TinyModels.Cpu, 160);
        Assert.Equal("red fox", model.Translate("빨간 여우", CancellationToken.None));
    }

    [Fact]
    public void Problems_EmptyFolder_EveryFileNamed()
    {
        using var folder = new TempFolder();

        var problems = MarianModelFolder.Problems(folder.Path);

        Assert.Equal(["encoder_model.onnx", "decoder_model.onnx", "source.spm", "vocab.json", "config.json"], problems.Select(static p => p.Split(' ')[0]));
    }

    internal static TempFolder Copy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, folder.Combine(Path.GetFileName(file)));
        }

        return folder;
    }
}
