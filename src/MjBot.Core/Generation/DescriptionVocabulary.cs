namespace MjBot.Core.Generation;

/// <summary>The phrases an image is described with, by category: mediums, art movements, lighting, framing and
/// subjects — no artists' names (living artists' styles are theirs, and the list must not steer members to them).</summary>
public sealed record DescriptionVocabulary(IReadOnlyDictionary<string, IReadOnlyList<string>> Categories)
{
    public static DescriptionVocabulary Default { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["medium"] = ["a photograph", "an oil painting", "a watercolour painting", "a pencil sketch", "a charcoal drawing", "a digital illustration", "a 3D render", "pixel art", "an ink drawing", "a linocut print", "a vector illustration", "a claymation still"],
        ["movement"] = ["impressionism", "art nouveau", "art deco", "baroque", "cubism", "surrealism", "pop art", "ukiyo-e", "minimalism", "expressionism", "bauhaus", "romanticism"],
        ["lighting"] = ["golden hour light", "soft diffused light", "dramatic rim light", "neon light", "candlelight", "overcast daylight", "studio lighting", "moonlight", "a backlit silhouette", "volumetric light"],
        ["framing"] = ["a close-up", "a wide shot", "an aerial view", "a low angle shot", "a portrait", "a symmetrical composition", "a macro shot", "a panoramic view", "an isometric view"],
        ["subject"] = ["a person", "an animal", "a landscape", "a cityscape", "a building interior", "food", "a vehicle", "a plant", "an abstract pattern", "a fantasy creature", "a still life"],
    });
}
