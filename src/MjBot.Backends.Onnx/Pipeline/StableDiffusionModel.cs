using MjBot.Backends.Onnx.Tokenization;
using MjBot.OnnxRuntime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>A model folder in the standard ONNX export layout, opened: text_encoder/, unet/, vae_decoder/ and
/// (for image-to-image) vae_encoder/, each with model.onnx, and tokenizer/. Input names, element types and the
/// text embedding width are read from the models, never assumed.</summary>
internal sealed class StableDiffusionModel : IDisposable
{
    private StableDiffusionModel(string folder, ModelProfile profile, ClipTokenizer tokenizer, OrtSession textEncoder, OrtSession unet, OrtSession vaeDecoder, OrtSession? vaeEncoder)
    {
        Folder = folder;
        Profile = profile;
        Tokenizer = tokenizer;
        TextEncoder = textEncoder;
        Unet = unet;
        VaeDecoder = vaeDecoder;
        VaeEncoder = vaeEncoder;
        UnetChannels = unet.Input("sample")!.Shape[1] is var c and > 0 ? (int)c : 4;
    }

    public string Folder { get; }

    public ModelProfile Profile { get; }

    public ClipTokenizer Tokenizer { get; }

    public OrtSession TextEncoder { get; }

    public OrtSession Unet { get; }

    public OrtSession VaeDecoder { get; }

    public OrtSession? VaeEncoder { get; }

    /// <summary>Gets the UNet's input channels: 4, or 9 for an inpainting UNet.</summary>
    public int UnetChannels { get; }

    public bool IsInpainting => UnetChannels == 9;

    /// <summary>Gets the execution provider the UNet runs on.</summary>
    public string ExecutionProvider => Unet.ExecutionProvider;

    /// <summary>Gets why CUDA was not used, or null.</summary>
    public string? FallbackReason => Unet.FallbackReason;

    /// <summary>Lists what a folder lacks to be a Stable Diffusion model (empty when it is complete).</summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [$"the folder {folder} does not exist"];
        }

        string[] required = ["text_encoder/model.onnx", "unet/model.onnx", "vae_decoder/model.onnx", "tokenizer/vocab.json", "tokenizer/merges.txt"];
        return [.. required.Where(part => !File.Exists(Path.Combine(folder, part))).Select(part => $"{part} is missing")];
    }

    public static StableDiffusionModel Open(OrtRuntime runtime, string folder, OrtSessionSettings settings)
    {
        if (Problems(folder) is { Count: > 0 } problems)
        {
            throw new InvalidDataException($"{folder} is not a Stable Diffusion ONNX export: {string.Join("; ", problems)}.");
        }

        var profile = ModelProfile.Read(folder);
        var tokenizer = ClipTokenizer.Load(Path.Combine(folder, "tokenizer"));
        var opened = new List<OrtSession>();
        try
        {
            OrtSession Open(string part)
            {
                var session = runtime.OpenSession(Path.Combine(folder, part, "model.onnx"), settings);
                opened.Add(session);
                return session;
            }

            var textEncoder = Open("text_encoder");
            var unet = Open("unet");
            var vaeDecoder = Open("vae_decoder");
            var vaeEncoder = File.Exists(Path.Combine(folder, "vae_encoder", "model.onnx")) ? Open("vae_encoder") : null;
            Require(unet, "unet", "sample", "timestep", "encoder_hidden_states");
            Require(textEncoder, "text_encoder", "input_ids");
            Require(vaeDecoder, "vae_decoder", "latent_sample");
            if (unet.Input("text_embeds") is not null)
            {
                throw new InvalidDataException($"{folder} is an SDXL export (its UNet takes text_embeds); MjBot runs SD 1.x/2.x-style exports.");
            }

            return new StableDiffusionModel(folder, profile, tokenizer, textEncoder, unet, vaeDecoder, vaeEncoder);
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
        TextEncoder.Dispose();
        Unet.Dispose();
        VaeDecoder.Dispose();
        VaeEncoder?.Dispose();
    }

    private static void Require(OrtSession session, string part, params string[] inputs)
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
