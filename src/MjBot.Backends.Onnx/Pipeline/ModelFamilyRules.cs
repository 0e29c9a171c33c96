using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Tells a model folder's family from what its files declare, or refuses the folder naming the file and the
/// input that decided it:
/// <list type="bullet">
/// <item>a UNet taking <c>text_embeds</c> and <c>time_ids</c>, with text_encoder_2/: SDXL;</item>
/// <item>otherwise the width of the UNet's <c>encoder_hidden_states</c>: 768 is SD 1.x, 1024 SD 2.x;</item>
/// <item>mjbot.json's <c>"family"</c> (<c>sd1</c>, <c>sd2</c>, <c>sdxl</c>) names it for other widths, and must agree
/// with the inputs.</item>
/// </list></summary>
internal static class ModelFamilyRules
{
    public const int Sd1Width = 768;
    public const int Sd2Width = 1024;

    public static string Name(ModelFamily family) => family switch
    {
        ModelFamily.Sd1 => "SD 1.x",
        ModelFamily.Sd2 => "SD 2.x",
        _ => "SDXL",
    };

    public static ModelFamily? Parse(string? name) => name switch
    {
        "sd1" => ModelFamily.Sd1,
        "sd2" => ModelFamily.Sd2,
        "sdxl" => ModelFamily.Sdxl,
        _ => null,
    };

    /// <summary>Decides the family.</summary>
    /// <param name="folder">The model folder.</param>
    /// <param name="unet">The UNet's inputs.</param>
    /// <param name="declared">mjbot.json's <c>"family"</c>, or null.</param>
    /// <exception cref="InvalidDataException">The folder matches no family, or contradicts what it declares.</exception>
    public static ModelFamily Detect(string folder, IReadOnlyList<ModelPort> unet, string? declared)
    {
        ModelFamily? named = null;
        if (declared is not null)
        {
            named = Parse(declared) ?? throw new InvalidDataException($"{Path.Combine(folder, "mjbot.json")}: \"family\" is \"{declared}\"; use \"sd1\", \"sd2\" or \"sdxl\".");
        }

        var hasTextEmbeds = unet.Any(static i => i.Name == "text_embeds");
        var hasTimeIds = unet.Any(static i => i.Name == "time_ids");
        var secondEncoder = File.Exists(Path.Combine(folder, "text_encoder_2", "model.onnx"));
        if (hasTextEmbeds || hasTimeIds)
        {
            if (!(hasTextEmbeds && hasTimeIds))
            {
                throw new InvalidDataException($"{Path.Combine(folder, "unet", "model.onnx")} takes \"{(hasTextEmbeds ? "text_embeds" : "time_ids")}\" but not \"{(hasTextEmbeds ? "time_ids" : "text_embeds")}\": an SDXL UNet takes both.");
            }

            if (!secondEncoder)
            {
                throw new InvalidDataException($"{Path.Combine(folder, "unet", "model.onnx")} takes \"text_embeds\" (an SDXL UNet), but text_encoder_2/model.onnx is missing; SDXL's refiner, which has only the second encoder, is not supported.");
            }

            return Agree(folder, ModelFamily.Sdxl, named, "its UNet takes \"text_embeds\" and \"time_ids\"");
        }

        if (secondEncoder)
        {
            throw new InvalidDataException($"{Path.Combine(folder, "text_encoder_2", "model.onnx")} is present but {Path.Combine(folder, "unet", "model.onnx")} takes no \"text_embeds\": not an SD 1.x, SD 2.x or SDXL export.");
        }

        var width = unet.FirstOrDefault(static i => i.Name == "encoder_hidden_states")?.Shape is [.., var last] ? last : -1;
        var byWidth = width switch
        {
            Sd1Width => ModelFamily.Sd1,
            Sd2Width => ModelFamily.Sd2,
            _ => (ModelFamily?)null,
        };
        if (byWidth is { } family)
        {
            return Agree(folder, family, named, $"its UNet's \"encoder_hidden_states\" is {width} wide");
        }

        return named is ModelFamily.Sd1 or ModelFamily.Sd2
            ? named.Value
            : throw new InvalidDataException($"{Path.Combine(folder, "unet", "model.onnx")}: its input \"encoder_hidden_states\" is {(width < 0 ? "of no fixed width" : width + " wide")}, which is neither SD 1.x ({Sd1Width}) nor SD 2.x ({Sd2Width}), and it takes no \"text_embeds\" (SDXL). Set \"family\" in mjbot.json if this is a fine-tune of one of them.");
    }

    private static ModelFamily Agree(string folder, ModelFamily found, ModelFamily? named, string because) =>
        named is { } n && n != found
            ? throw new InvalidDataException($"{Path.Combine(folder, "mjbot.json")} says \"family\": \"{n.ToString().ToLowerInvariant()}\", but the folder is {Name(found)}: {because}.")
            : found;
}
