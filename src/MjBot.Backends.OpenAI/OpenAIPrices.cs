using System.Globalization;

namespace MjBot.Backends.OpenAI;

/// <summary>US dollars per image, by model, quality and size ("dall-e-3:hd:1792x1024"), from OpenAI's price list
/// (November 2026; the GPT image models from the image guide's "Calculating costs" table, output only: OpenAI adds
/// the prompt's and input images' tokens). Configuration may override any entry (Backends:OpenAI:Prices); an Azure resource has its own
/// prices and should set them.</summary>
public static class OpenAIPrices
{
    public static IReadOnlyDictionary<string, decimal> Defaults { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["dall-e-3:standard:1024x1024"] = 0.040m,
        ["dall-e-3:standard:1792x1024"] = 0.080m,
        ["dall-e-3:standard:1024x1792"] = 0.080m,
        ["dall-e-3:hd:1024x1024"] = 0.080m,
        ["dall-e-3:hd:1792x1024"] = 0.120m,
        ["dall-e-3:hd:1024x1792"] = 0.120m,
        ["dall-e-2:standard:1024x1024"] = 0.020m,
        ["dall-e-2:standard:512x512"] = 0.018m,
        ["dall-e-2:standard:256x256"] = 0.016m,
        ["gpt-image-1:low:1024x1024"] = 0.011m,
        ["gpt-image-1:low:1536x1024"] = 0.016m,
        ["gpt-image-1:low:1024x1536"] = 0.016m,
        ["gpt-image-1:medium:1024x1024"] = 0.042m,
        ["gpt-image-1:medium:1536x1024"] = 0.063m,
        ["gpt-image-1:medium:1024x1536"] = 0.063m,
        ["gpt-image-1:high:1024x1024"] = 0.167m,
        ["gpt-image-1:high:1536x1024"] = 0.250m,
        ["gpt-image-1:high:1024x1536"] = 0.250m,
        ["gpt-image-1-mini:low:1024x1024"] = 0.005m,
        ["gpt-image-1-mini:low:1536x1024"] = 0.006m,
        ["gpt-image-1-mini:low:1024x1536"] = 0.006m,
        ["gpt-image-1-mini:medium:1024x1024"] = 0.011m,
        ["gpt-image-1-mini:medium:1536x1024"] = 0.015m,
        ["gpt-image-1-mini:medium:1024x1536"] = 0.015m,
        ["gpt-image-1-mini:high:1024x1024"] = 0.036m,
        ["gpt-image-1-mini:high:1536x1024"] = 0.052m,
        ["gpt-image-1-mini:high:1024x1536"] = 0.052m,
        ["gpt-image-1.5:low:1024x1024"] = 0.009m,
        ["gpt-image-1.5:low:1536x1024"] = 0.013m,
        ["gpt-image-1.5:low:1024x1536"] = 0.013m,
        ["gpt-image-1.5:medium:1024x1024"] = 0.034m,
        ["gpt-image-1.5:medium:1536x1024"] = 0.050m,
        ["gpt-image-1.5:medium:1024x1536"] = 0.050m,
        ["gpt-image-1.5:high:1024x1024"] = 0.133m,
        ["gpt-image-1.5:high:1536x1024"] = 0.200m,
        ["gpt-image-1.5:high:1024x1536"] = 0.200m,
        ["gpt-image-2:low:1024x1024"] = 0.006m,
        ["gpt-image-2:low:1536x1024"] = 0.005m,
        ["gpt-image-2:low:1024x1536"] = 0.005m,
        ["gpt-image-2:medium:1024x1024"] = 0.053m,
        ["gpt-image-2:medium:1536x1024"] = 0.041m,
        ["gpt-image-2:medium:1024x1536"] = 0.041m,
        ["gpt-image-2:high:1024x1024"] = 0.211m,
        ["gpt-image-2:high:1536x1024"] = 0.165m,
        ["gpt-image-2:high:1024x1536"] = 0.165m,
    };

    /// <summary>The price of one image. A size of a model that takes any size (gpt-image-2) costs its quality's
    /// 1024×1024 price scaled by the pixels; any other unknown combination costs as the model's most expensive known
    /// one.</summary>
    public static decimal PerImage(IReadOnlyDictionary<string, decimal> prices, string model, string quality, int width, int height, bool anySize = false)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var key = string.Create(CultureInfo.InvariantCulture, $"{model}:{quality}:{width}x{height}");
        if (prices.TryGetValue(key, out var price) || Defaults.TryGetValue(key, out price))
        {
            return price;
        }

        var square = $"{model}:{quality}:1024x1024";
        if (anySize && (prices.TryGetValue(square, out var perSquare) || Defaults.TryGetValue(square, out perSquare)))
        {
            return Math.Round(perSquare * width * height / (1024m * 1024m), 4);
        }

        return prices.Concat(Defaults).Where(p => p.Key.StartsWith(model + ":", StringComparison.Ordinal)).Select(static p => p.Value).DefaultIfEmpty(0.25m).Max();
    }
}
