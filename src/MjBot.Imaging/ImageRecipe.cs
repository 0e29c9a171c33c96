using System.Text;
using System.Text.Json;

namespace MjBot.Imaging;

/// <summary>How an image was made, stored in a PNG <c>parameters</c> text chunk in the layout other Stable
/// Diffusion tools use: the prompt, a <c>Negative prompt:</c> line, then one line of <c>Key: value</c> pairs
/// (values with commas, quotes or line breaks are JSON-quoted).</summary>
/// <param name="Prompt">The prompt text.</param>
/// <param name="NegativePrompt">The negative terms, comma-separated; empty when none.</param>
/// <param name="Parameters">The parameters as typed (e.g. <c>--ar 16:9 --s 250</c>).</param>
/// <param name="Seed">The seed, when the backend takes one.</param>
/// <param name="Backend">The backend (<c>onnx</c>, <c>openai</c>).</param>
/// <param name="Model">The model alias or name.</param>
/// <param name="JobId">MjBot's job id.</param>
public sealed record ImageRecipe(string Prompt, string NegativePrompt, string Parameters, ulong? Seed, string Backend, string Model, string JobId)
{
    /// <summary>The PNG keyword the recipe is stored under.</summary>
    public const string Keyword = "parameters";

    private const string NegativePrefix = "Negative prompt: ";

    /// <summary>Formats the recipe as the chunk's text.</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var pairs = new List<(string, string)> { ("Parameters", Parameters) };
        if (Seed is { } seed)
        {
            pairs.Add(("Seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        pairs.AddRange([("Backend", Backend), ("Model", Model), ("Job", JobId)]);
        var text = new StringBuilder(Prompt.ReplaceLineEndings(" ")).Append('\n');
        if (NegativePrompt.Length > 0)
        {
            text.Append(NegativePrefix).Append(NegativePrompt.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.AppendJoin(", ", pairs.Select(static p => $"{p.Item1}: {Quote(p.Item2)}")).ToString();
    }

    /// <summary>Reads a recipe written by <see cref="ToText"/>; <see langword="null"/> when the text is not one.</summary>
    /// <param name="text">The chunk's text.</param>
    /// <returns>The recipe, or <see langword="null"/>.</returns>
    public static ImageRecipe? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return null;
        }

        var pairs = ParsePairs(lines[^1]);
        if (pairs is null || !pairs.TryGetValue("Parameters", out var parameters) || !pairs.TryGetValue("Backend", out var backend)
            || !pairs.TryGetValue("Model", out var model) || !pairs.TryGetValue("Job", out var job))
        {
            return null;
        }

        var hasNegative = lines.Length >= 3 && lines[^2].StartsWith(NegativePrefix, StringComparison.Ordinal);
        var negative = hasNegative ? lines[^2][NegativePrefix.Length..] : string.Empty;
        var promptLines = lines.Length - (hasNegative ? 2 : 1);
        ulong? seed = pairs.TryGetValue("Seed", out var seedText) && ulong.TryParse(seedText, out var s) ? s : null;
        return new ImageRecipe(string.Join('\n', lines[..promptLines]), negative, parameters, seed, backend, model, job);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value != value.Trim() ? JsonSerializer.Serialize(value) : value;

    private static Dictionary<string, string>? ParsePairs(string line)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < line.Length)
        {
            var colon = line.IndexOf(": ", i, StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var key = line[i..colon].Trim();
            i = colon + 2;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line[i..]));
                try
                {
                    reader.Read();
                    value = reader.GetString() ?? string.Empty;
                    i += Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line[i..]), 0, (int)reader.BytesConsumed).Length;
                }
                catch (JsonException)
                {
                    // A broken quoted value means this is not a recipe we wrote.
                    return null;
                }
            }
            else
            {
                var comma = line.IndexOf(", ", i, StringComparison.Ordinal);
                value = comma < 0 ? line[i..] : line[i..comma];
                i = comma < 0 ? line.Length : comma;
            }

            pairs[key] = value;
            if (i < line.Length)
            {
                if (!line.AsSpan(i).StartsWith(", "))
                {
                    return null;
                }

                i += 2;
            }
        }

        return pairs;
    }
}
