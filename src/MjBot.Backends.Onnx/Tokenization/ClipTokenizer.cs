using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MjBot.Core.Prompting.Emphasis;

namespace MjBot.Backends.Onnx.Tokenization;

/// <summary>CLIP's byte-level BPE tokenizer, read from a model's <c>tokenizer/</c> folder (vocab.json, merges.txt,
/// special_tokens_map.json, tokenizer_config.json). It follows CLIP's rules: text cleanup, lower case, CLIP's
/// pre-tokenizer pattern (each digit its own token), <c>&lt;/w&gt;</c> on the last symbol of a word, merges by rank,
/// start and end tokens, truncation to the model's length (77) and padding with the configured pad token.</summary>
public sealed partial class ClipTokenizer
{
    private const int MaxCachedWords = 20_000;
    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<(string, string), int> _ranks;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    private ClipTokenizer(Dictionary<string, int> vocab, Dictionary<(string, string), int> ranks, int bos, int eos, int pad, int length)
    {
        _vocab = vocab;
        _ranks = ranks;
        StartToken = bos;
        EndToken = eos;
        PadToken = pad;
        Length = length;
    }

    /// <summary>Gets the start-of-text id (49406 in CLIP's vocabulary).</summary>
    public int StartToken { get; }

    /// <summary>Gets the end-of-text id (49407).</summary>
    public int EndToken { get; }

    /// <summary>Gets the padding id: the end token for SD 1.x, <c>!</c> (0) for SD 2.x and SDXL's second tokenizer.</summary>
    public int PadToken { get; }

    /// <summary>Gets the model's sequence length (77).</summary>
    public int Length { get; }

    /// <summary>Gets how many content tokens fit: the length less the start and end tokens.</summary>
    public int Capacity => Length - 2;

    /// <summary>Loads the tokenizer files of a model.</summary>
    /// <param name="folder">The model's tokenizer/ folder.</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="InvalidDataException">A file is missing or malformed; the message names it.</exception>
    public static ClipTokenizer Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        foreach (var required in new[] { vocabPath, mergesPath })
        {
            if (!File.Exists(required))
            {
                throw new InvalidDataException($"The tokenizer file {required} is missing.");
            }
        }

        Dictionary<string, int> vocab;
        try
        {
            vocab = JsonSerializer.Deserialize(File.ReadAllBytes(vocabPath), TokenizerJsonContext.Default.DictionaryStringInt32)
                ?? throw new InvalidDataException($"{vocabPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{vocabPath} is not a JSON object of token → id: {ex.Message}", ex);
        }

        var ranks = new Dictionary<(string, string), int>();
        foreach (var line in File.ReadLines(mergesPath))
        {
            if (line.StartsWith("#version", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                throw new InvalidDataException($"{mergesPath} has a line that is not two symbols: \"{line}\".");
            }

            ranks.TryAdd((line[..space], line[(space + 1)..]), ranks.Count);
        }

        var special = SpecialTokens.Read(folder);
        return new ClipTokenizer(vocab, ranks, Id(vocab, special.Bos, folder), Id(vocab, special.Eos, folder), Id(vocab, special.Pad, folder), special.MaxLength);
    }

    /// <summary>Tokenizes <paramref name="text"/> into the model's input.</summary>
    /// <param name="text">The prompt (or one <c>::</c> segment).</param>
    /// <returns>The ids, the content token count before truncation, and what was cut.</returns>
    public TokenizedText Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode([new EmphasisSpan(text, 1)]);
    }

    /// <summary>Tokenizes emphasised text (<see cref="PromptEmphasis"/>): each run on its own, as Stable Diffusion
    /// tools do, each content token carrying its run's weight; the start, end and padding tokens weigh 1.</summary>
    public TokenizedText Encode(IReadOnlyList<EmphasisSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var ids = new List<int>(Length) { StartToken };
        var weights = new List<float>(Length) { 1f };
        var count = 0;
        var cut = new List<string>();
        foreach (var span in spans)
        {
            foreach (Match word in PreTokenizer().Matches(ClipTextCleaner.Clean(span.Text)))
            {
                var tokens = Tokens(word.Value);
                count += tokens.Length;
                if (count > Capacity)
                {
                    cut.Add(word.Value);
                }

                foreach (var id in tokens)
                {
                    if (ids.Count <= Capacity)
                    {
                        ids.Add(id);
                        weights.Add((float)span.Weight);
                    }
                }
            }
        }

        ids.Add(EndToken);
        while (ids.Count < Length)
        {
            ids.Add(PadToken);
        }

        var weighted = weights.Any(static w => w != 1f);
        while (weighted && weights.Count < Length)
        {
            weights.Add(1f);
        }

        return new TokenizedText(ids, count, count > Capacity, string.Join(' ', cut)) { Weights = weighted ? weights : null };
    }

    private int[] Tokens(string word)
    {
        if (_vocab.TryGetValue(word, out var special) && word.StartsWith("<|", StringComparison.Ordinal))
        {
            return [special];
        }

        if (_cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var bytes = Encoding.UTF8.GetBytes(word);
        var symbols = new List<string>(bytes.Length);
        foreach (var b in bytes)
        {
            symbols.Add(ByteSymbols.For(b).ToString());
        }

        symbols[^1] += "</w>";
        Merge(symbols);
        var ids = symbols.Select(s => _vocab.TryGetValue(s, out var id) ? id : EndToken).ToArray();
        if (_cache.Count < MaxCachedWords)
        {
            _cache.TryAdd(word, ids);
        }

        return ids;
    }

    // Greedy BPE: merge the adjacent pair with the lowest rank (every occurrence), until no pair has a rank.
    private void Merge(List<string> symbols)
    {
        while (symbols.Count > 1)
        {
            var best = int.MaxValue;
            (string, string) pair = default;
            for (var i = 0; i < symbols.Count - 1; i++)
            {
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < best)
                {
                    best = rank;
                    pair = (symbols[i], symbols[i + 1]);
                }
            }

            if (best == int.MaxValue)
            {
                return;
            }

            for (var i = 0; i < symbols.Count - 1; i++)
            {
                if (symbols[i] == pair.Item1 && symbols[i + 1] == pair.Item2)
                {
                    symbols[i] = pair.Item1 + pair.Item2;
                    symbols.RemoveAt(i + 1);
                }
            }
        }
    }

    private static int Id(Dictionary<string, int> vocab, string token, string folder) =>
        vocab.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"The special token {token} is not in {Path.Combine(folder, "vocab.json")}.");

    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreTokenizer();
}
