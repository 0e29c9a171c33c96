namespace MjBot.Backends.Onnx.Translation;

/// <summary>Where a Marian (opus-mt) ONNX export keeps its files: the layout <c>optimum-cli export onnx --model
/// Helsinki-NLP/opus-mt-ko-en</c> writes (the models beside the tokenizer), or with the models under <c>onnx/</c> as
/// hub repositories converted for transformers.js have them.</summary>
internal static class MarianModelFolder
{
    public const string Encoder = "encoder_model.onnx";
    public const string Decoder = "decoder_model.onnx";
    public const string SourcePieces = "source.spm";
    public const string Vocabulary = "vocab.json";
    public const string Config = "config.json";
    public const string GenerationConfig = "generation_config.json";

    /// <summary>Gets the path of a model file: in the folder, or in its <c>onnx/</c> sub-folder.</summary>
    public static string ModelFile(string folder, string name)
    {
        var beside = Path.Combine(folder, name);
        var under = Path.Combine(folder, "onnx", name);
        return File.Exists(beside) || !File.Exists(under) ? beside : under;
    }

    /// <summary>Gets what is missing, as sentences without a full stop; empty when the folder is complete.</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return ["the folder does not exist"];
        }

        var problems = new List<string>();
        foreach (var name in (string[])[Encoder, Decoder])
        {
            if (!File.Exists(ModelFile(folder, name)))
            {
                problems.Add($"{name} is missing (beside the tokenizer or under onnx/); export the model with optimum-cli export onnx, which writes it");
            }
        }

        foreach (var name in (string[])[SourcePieces, Vocabulary, Config])
        {
            if (!File.Exists(Path.Combine(folder, name)))
            {
                problems.Add($"{name} is missing: copy the model's tokenizer files (source.spm, target.spm, vocab.json) and config.json into the folder");
            }
        }

        return problems;
    }
}
