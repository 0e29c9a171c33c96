using System.Text.Json;

namespace MjBot.Backends.Onnx.Tokenization;

/// <summary>The start, end and pad tokens and the sequence length, from special_tokens_map.json and
/// tokenizer_config.json (either may be missing; CLIP's defaults then apply). A token may be a string or an object
/// with <c>content</c>.</summary>
internal sealed record SpecialTokens(string Bos, string Eos, string Pad, int MaxLength)
{
    public static SpecialTokens Read(string folder)
    {
        var tokens = new SpecialTokens("<|startoftext|>", "<|endoftext|>", "<|endoftext|>", 77);
        foreach (var file in new[] { "tokenizer_config.json", "special_tokens_map.json" })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = json.RootElement;
                tokens = tokens with
                {
                    Bos = Token(root, "bos_token") ?? tokens.Bos,
                    Eos = Token(root, "eos_token") ?? tokens.Eos,
                    Pad = Token(root, "pad_token") ?? tokens.Pad,
                    MaxLength = root.TryGetProperty("model_max_length", out var max) && max.TryGetInt32(out var n) && n is > 2 and <= 1024 ? n : tokens.MaxLength,
                };
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
            }
        }

        return tokens;
    }

    private static string? Token(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out var content) ? content.GetString()
        : null;
}
