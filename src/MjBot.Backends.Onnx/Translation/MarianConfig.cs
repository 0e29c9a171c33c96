using System.Text.Json;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>What greedy decoding needs from a Marian export's config.json and generation_config.json (the latter
/// wins where both say): the token the decoder starts from (Marian: the pad token), the end token, the tokens it must
/// never write (<c>bad_words_ids</c>: the pad token) and the longest output.</summary>
internal sealed record MarianConfig(long DecoderStartTokenId, long EosTokenId, long PadTokenId, IReadOnlySet<long> Banned, int MaxLength)
{
    /// <exception cref="InvalidDataException">A file is not JSON or lacks a token id.</exception>
    public static MarianConfig Read(string folder)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in (string[])[MarianModelFolder.Config, MarianModelFolder.GenerationConfig])
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values[property.Name] = property.Value.Clone();
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{name} is not valid JSON ({ex.Message})", ex);
            }
        }

        long Id(string key) => values.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id)
            ? id
            : throw new InvalidDataException($"config.json has no {key}");

        var pad = Id("pad_token_id");
        var start = values.ContainsKey("decoder_start_token_id") ? Id("decoder_start_token_id") : pad;
        var banned = new HashSet<long> { pad };
        if (values.TryGetValue("bad_words_ids", out var bad) && bad.ValueKind == JsonValueKind.Array)
        {
            // Only single-token entries are bans of one token; longer sequences are not used by Marian's exports.
            banned.UnionWith(bad.EnumerateArray().Where(static w => w.ValueKind == JsonValueKind.Array && w.GetArrayLength() == 1 && w[0].ValueKind == JsonValueKind.Number).Select(static w => w[0].GetInt64()));
        }

        var maxLength = values.TryGetValue("max_length", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var m) && m > 0 ? m : 512;
        return new MarianConfig(start, Id("eos_token_id"), pad, banned, maxLength);
    }
}
