using System.Globalization;

namespace MjBot.Backends.OpenAI;

/// <summary>US dollars per image, by model, quality and size ("dall-e-3:hd:1792x1024"), from OpenAI's price list
/// (November 2026). Configuration may override any entry (Backends:OpenAI:Prices); an Azure resource has its own
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
        ["gpt-image-1:medium:1024x1024"] = 0.042m,
        ["gpt-image-1:medium:1536x1024"] = 0.063m,
        ["gpt-image-1:medium:1024x1536"] = 0.063m,
        ["gpt-image-1:high:1024x1024"] = 0.167m,
        ["gpt-image-1:high:1536x1024"] = 0.250m,
        ["gpt-image-1:high:1024x1536"] = 0.250m,
    };

    /// <summary>The price of one image; an unknown combination costs as the model's most expensive known one.</summary>
    public static decimal PerImage(IReadOnlyDictionary<string, decimal> prices, string model, string quality, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var key = string.Create(CultureInfo.InvariantCulture, $"{model}:{quality}:{width}x{height}");
        if (prices.TryGetValue(key, out var price) || Defaults.TryGetValue(key, out price))
        {
            return price;
        }

        return prices.Concat(Defaults).Where(p => p.Key.StartsWith(model + ":", StringComparison.Ordinal)).Select(static p => p.Value).DefaultIfEmpty(0.25m).Max();
    }
}
