using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>Marian's tokenizer: the source SentencePiece model (Microsoft.ML.Tokenizers reads it) cuts the text into
/// pieces, and the shared vocabulary (vocab.json) numbers them — a piece it lacks is <c>&lt;unk&gt;</c> — followed by
/// the end token. Decoding joins the vocabulary's pieces and turns SentencePiece's ▁ back into spaces, leaving the
/// special tokens out.</summary>
internal sealed class MarianTokenizer
{
    private const char WordStart = '\u2581';
    private readonly SentencePieceTokenizer _pieces;
    private readonly Dictionary<string, long> _ids;
    private readonly Dictionary<long, string> _tokens;
    private readonly HashSet<long> _special;
    private readonly long _unknown;
    private readonly long _end;

    private MarianTokenizer(SentencePieceTokenizer pieces, Dictionary<string, long> ids, MarianConfig config)
    {
        _pieces = pieces;
        _ids = ids;
        _tokens = ids.ToDictionary(static p => p.Value, static p => p.Key);
        _unknown = ids.TryGetValue("<unk>", out var unk) ? unk : throw new InvalidDataException("vocab.json has no <unk>");
        _end = config.EosTokenId;
        _special = [config.EosTokenId, config.PadTokenId, config.DecoderStartTokenId, _unknown];
    }

    /// <exception cref="InvalidDataException">A file is unreadable or not what Marian's tokenizer writes.</exception>
    public static MarianTokenizer Open(string folder, MarianConfig config)
    {
        SentencePieceTokenizer pieces;
        try
        {
            using var model = File.OpenRead(Path.Combine(folder, MarianModelFolder.SourcePieces));
            pieces = SentencePieceTokenizer.Create(model, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"source.spm is not a SentencePiece model MjBot reads ({ex.Message})", ex);
        }

        Dictionary<string, long> ids;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, MarianModelFolder.Vocabulary)));
            ids = document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetInt64(), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"vocab.json is not a JSON object of token ids ({ex.Message})", ex);
        }

        return new MarianTokenizer(pieces, ids, config);
    }

    /// <summary>Gets the ids of <paramref name="text"/> ending with the end token, at most <paramref name="max"/>.</summary>
    public long[] Encode(string text, int max)
    {
        var pieces = _pieces.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = pieces.Select(p => _ids.TryGetValue(p.Value, out var id) ? id : _unknown).Take(max - 1).ToList();
        ids.Add(_end);
        return [.. ids];
    }

    public string Decode(IEnumerable<long> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            if (!_special.Contains(id) && _tokens.TryGetValue(id, out var piece))
            {
                text.Append(piece);
            }
        }

        return text.Replace(WordStart, ' ').ToString().Trim();
    }
}
