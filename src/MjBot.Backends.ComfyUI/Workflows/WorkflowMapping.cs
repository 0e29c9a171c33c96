using System.Text.Json.Serialization;

namespace MjBot.Backends.ComfyUI.Workflows;

/// <summary>A workflow's mapping file (<c>name.mapping.json</c>): which node input (<c>"node id.input name"</c>)
/// receives each value MjBot sets. Only <see cref="Prompt"/> is required; an input left out keeps the workflow's own
/// value.</summary>
internal sealed record WorkflowMapping
{
    /// <summary>Gets the family whose sizes <c>--ar</c> picks: <c>sd15</c>, <c>sdxl</c> or <c>flux</c>.</summary>
    [JsonPropertyName("family")]
    public string? FamilyGiven { get; init; }

    /// <summary>Gets the family, <c>sd15</c> when the mapping names none.</summary>
    [JsonIgnore]
    public string Family => string.IsNullOrWhiteSpace(FamilyGiven) ? "sd15" : FamilyGiven;

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("negative")]
    public string? Negative { get; init; }

    [JsonPropertyName("seed")]
    public string? Seed { get; init; }

    [JsonPropertyName("width")]
    public string? Width { get; init; }

    [JsonPropertyName("height")]
    public string? Height { get; init; }

    [JsonPropertyName("steps")]
    public string? Steps { get; init; }

    [JsonPropertyName("cfg")]
    public string? Cfg { get; init; }

    [JsonPropertyName("batch_size")]
    public string? BatchSize { get; init; }

    /// <summary>Gets the LoadImage input that receives the image of V1–V4 and Vary; without it the workflow makes
    /// grids only.</summary>
    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("denoise")]
    public string? Denoise { get; init; }

    /// <summary>Gets the output node whose images are the grid; by default every SaveImage node's.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; init; }

    /// <summary>Gets every mapped target with the value it receives, by name.</summary>
    public IEnumerable<(string Key, string Target)> Targets()
    {
        (string Key, string? Target)[] all =
        [
            ("prompt", Prompt), ("negative", Negative), ("seed", Seed), ("width", Width), ("height", Height), ("steps", Steps),
            ("cfg", Cfg), ("batch_size", BatchSize), ("image", Image), ("denoise", Denoise),
        ];
        return all.Where(static t => t.Target is not null).Select(static t => (t.Key, t.Target!));
    }
}
