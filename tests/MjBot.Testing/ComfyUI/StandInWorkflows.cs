using System.Text.Json.Nodes;

namespace MjBot.Testing.ComfyUI;

/// <summary>Workflows a self-hoster would export from ComfyUI, for tests of MjBot's workflow aliases.</summary>
public static class StandInWorkflows
{
    /// <summary>Gets ComfyUI's own basic API example graph (script_examples/basic_api_example.py) as "Export (API)"
    /// writes it, loading <paramref name="checkpoint"/>.</summary>
    public static JsonObject BasicApiExample(string checkpoint) => (JsonObject)JsonNode.Parse($$$"""
        {
          "3": {"class_type": "KSampler", "inputs": {"cfg": 8, "denoise": 1, "latent_image": ["5", 0], "model": ["4", 0], "negative": ["7", 0], "positive": ["6", 0], "sampler_name": "euler", "scheduler": "normal", "seed": 8566257, "steps": 20}},
          "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{{checkpoint}}}"}},
          "5": {"class_type": "EmptyLatentImage", "inputs": {"batch_size": 1, "height": 512, "width": 512}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"clip": ["4", 1], "text": "masterpiece best quality girl"}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"clip": ["4", 1], "text": "bad hands"}},
          "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
          "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}, "_meta": {"title": "Save Image"}}
        }
        """)!;
}
