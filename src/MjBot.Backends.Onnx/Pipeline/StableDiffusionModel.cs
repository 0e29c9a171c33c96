using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Tokenization;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>A model folder in the diffusers/Optimum ONNX export layout, opened: text_encoder/ (and text_encoder_2/ for
/// SDXL), unet/, vae_decoder/ and (for image-to-image) vae_encoder/, each with model.onnx, and tokenizer/ (and
/// tokenizer_2/). Input names, element types and widths are read from the models, never assumed; the family is decided
/// by <see cref="ModelFamilyRules"/>.</summary>
internal sealed class StableDiffusionModel : IDisposable
{
    private StableDiffusionModel(string folder, ModelProfile profile, TextEncoderPart first, TextEncoderPart? second, ModelSession unet, ModelSession vaeDecoder, ModelSession? vaeEncoder)
    {
        Folder = folder;
        Profile = profile;
        Encoder = first;
        Encoder2 = second;
        Unet = unet;
        VaeDecoder = vaeDecoder;
        VaeEncoder = vaeEncoder;
        UnetChannels = unet.Input("sample")!.Shape[1] is var c and > 0 ? (int)c : 4;
    }

    public string Folder { get; }

    public ModelProfile Profile { get; }

    public ModelFamily Family => Profile.Family;

    /// <summary>Gets the (first) text encoder and its tokenizer.</summary>
    public TextEncoderPart Encoder { get; }

    /// <summary>Gets SDXL's second text encoder and tokenizer, or null.</summary>
    public TextEncoderPart? Encoder2 { get; }

    public ClipTokenizer Tokenizer => Encoder.Tokenizer;

    public ModelSession Unet { get; }

    public ModelSession VaeDecoder { get; }

    public ModelSession? VaeEncoder { get; }

    /// <summary>Gets the UNet's input channels: 4, or 9 for an inpainting UNet.</summary>
    public int UnetChannels { get; }

    public bool IsInpainting => UnetChannels == 9;

    /// <summary>Gets the execution provider the UNet runs on.</summary>
    public string ExecutionProvider => Unet.ExecutionProvider;

    /// <summary>Gets why a GPU provider was not used, or null.</summary>
    public string? FallbackReason => Unet.FallbackReason;

    /// <summary>Gets the files every model folder holds (SDXL's second encoder adds tokenizer_2/).</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
        ["text_encoder/model.onnx", "unet/model.onnx", "vae_decoder/model.onnx", "tokenizer/vocab.json", "tokenizer/merges.txt"];

    /// <summary>Lists what a folder lacks to be a Stable Diffusion model (empty when it is complete).</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [$"the folder {folder} does not exist"];
        }

        List<string> required = [.. RequiredFiles];
        if (File.Exists(Path.Combine(folder, "text_encoder_2", "model.onnx")))
        {
            required.AddRange(["tokenizer_2/vocab.json", "tokenizer_2/merges.txt"]);
        }

        return [.. required.Where(part => !File.Exists(Path.Combine(folder, part))).Select(part => $"{part} is missing")];
    }

    /// <summary>Tells a complete folder's family from its files alone (no model is loaded).</summary>
    /// <exception cref="InvalidDataException">The folder matches no family.</exception>
    public static ModelFamily Describe(string folder) =>
        ModelFamilyRules.Detect(folder, OnnxFileInputs.Read(Path.Combine(folder, "unet", "model.onnx")), ModelProfile.DeclaredFamily(folder));

    public static StableDiffusionModel Open(string folder, SessionSettings settings)
    {
        if (Problems(folder) is { Count: > 0 } problems)
        {
            throw new InvalidDataException($"{folder} is not a Stable Diffusion ONNX export: {string.Join("; ", problems)}.");
        }

        var opened = new List<ModelSession>();
        try
        {
            ModelSession Open(string part)
            {
                var session = SessionFactory.Open(Path.Combine(folder, part, "model.onnx"), settings);
                opened.Add(session);
                return session;
            }

            var unet = Open("unet");
            Require(unet, "unet", "sample", "timestep", "encoder_hidden_states");
            var family = ModelFamilyRules.Detect(folder, unet.Inputs, ModelProfile.DeclaredFamily(folder));
            var profile = ModelProfile.Read(folder, family, unet.Input("timestep_cond") is not null);
            var first = TextEncoderPart.Open(Open("text_encoder"), ClipTokenizer.Load(Path.Combine(folder, "tokenizer")), "text_encoder", family == ModelFamily.Sdxl);
            var second = family == ModelFamily.Sdxl
                ? TextEncoderPart.Open(Open("text_encoder_2"), ClipTokenizer.Load(Path.Combine(folder, "tokenizer_2")), "text_encoder_2", penultimate: true)
                : null;
            var width = (first.Width > 0 ? first.Width : 0) + (second is { Width: > 0 } s ? s.Width : 0);
            if (unet.Input("encoder_hidden_states")!.Shape is [.., var takes] && takes > 0 && width > 0 && takes != width)
            {
                throw new InvalidDataException($"{Path.Combine(folder, "unet", "model.onnx")} takes \"encoder_hidden_states\" {takes} wide, but the text encoder{(second is null ? " gives" : "s give")} {width}.");
            }

            var vaeDecoder = Open("vae_decoder");
            var vaeEncoder = File.Exists(Path.Combine(folder, "vae_encoder", "model.onnx")) ? Open("vae_encoder") : null;
            Require(vaeDecoder, "vae_decoder", "latent_sample");
            return new StableDiffusionModel(folder, profile, first, second, unet, vaeDecoder, vaeEncoder);
        }
        catch
        {
            foreach (var session in opened)
            {
                session.Dispose();
            }

            throw;
        }
    }

    public void Dispose()
    {
        Encoder.Session.Dispose();
        Encoder2?.Session.Dispose();
        Unet.Dispose();
        VaeDecoder.Dispose();
        VaeEncoder?.Dispose();
    }

    internal static void Require(ModelSession session, string part, params string[] inputs)
    {
        foreach (var input in inputs)
        {
            if (session.Input(input) is null)
            {
                throw new InvalidDataException($"{part}/model.onnx has no input \"{input}\" (it has {string.Join(", ", session.Inputs.Select(static i => i.Name))}).");
            }
        }
    }
}
