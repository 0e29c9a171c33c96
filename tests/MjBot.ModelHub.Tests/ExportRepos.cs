using System.Text;
using MjBot.Testing;
using MjBot.Testing.Hub;

namespace MjBot.ModelHub.Tests;

/// <summary>Repo contents shaped like the hub's diffusers ONNX exports: a tiny model's files, plus what such repos
/// carry that the pipeline does not read (PyTorch weights, the safety checker, docs, samples).</summary>
internal static class ExportRepos
{
    /// <summary>The files every model folder needs (what the ONNX backend lists).</summary>
    public static IReadOnlyList<string> Required => MjBot.Backends.Onnx.OnnxModelFolder.RequiredFiles;

    public static readonly string[] Decoys =
    [
        ".gitattributes", "README.md", "sample.png", "unet/diffusion_pytorch_model.safetensors", "unet/model_fp16.onnx",
        "safety_checker/model.onnx", "feature_extractor/preprocessor_config.json", "v1-5-pruned.ckpt", "text_encoder/pytorch_model.bin",
    ];

    /// <summary>tiny-sd with a 3 MB external-weights file (unet/weights.pb, as the diffusers exporter names it) and the
    /// decoys, under <paramref name="prefix"/>.</summary>
    public static Dictionary<string, byte[]> TinySd(string prefix = "")
    {
        var files = HubStandIn.FilesOf(OnnxTestAssets.Model("tiny-sd"), prefix);
        files[prefix + "unet/weights.pb"] = Pattern(3_000_000);
        files[prefix + "model_index.json"] = Encoding.UTF8.GetBytes("""{"_class_name": "OnnxStableDiffusionPipeline", "_diffusers_version": "0.31.0"}""");
        files[prefix + "scheduler/scheduler_config.json"] = Encoding.UTF8.GetBytes("""{"_class_name": "PNDMScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear"}""");
        foreach (var decoy in Decoys)
        {
            files[decoy] = Pattern(1000 + decoy.Length);
        }

        return files;
    }

    public static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(static i => (byte)((i * 31) ^ (i >> 8)))];
}
