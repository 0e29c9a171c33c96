using System.Text.Json.Nodes;
using MjBot.Testing;
using MjBot.Testing.ComfyUI;

namespace MjBot.Backends.ComfyUI.Tests;

/// <summary>A self-hoster's workflow (ComfyUI's API export with a mapping file) as a model alias: run with the
/// member's values in the mapped inputs, and checked against each server's node catalogue with problems that name the
/// workflow, the node and the input.</summary>
public sealed class WorkflowTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ComfyStandIn _server = null!;

    public async Task InitializeAsync() => _server = await ComfyStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Generate_CustomWorkflow_RunsWithThePromptSeedAndSizeMapped()
    {
        Write("portrait", Graph("sd_xl_base_1.0.safetensors"), """{"family": "sdxl", "prompt": "6.text", "negative": "7.text", "seed": "3.seed", "width": "5.width", "height": "5.height", "batch_size": "5.batch_size"}""");
        var options = ComfyRig.DefaultOptions(_server);
        options.WorkflowFolder = _folder.Path;
        using var rig = await ComfyRig.StartAsync(options);

        var result = await rig.Backend.GenerateAsync(ComfyRig.Request("a knight --model portrait --ar 2:3 --no helmet --seed 5"), new Progress<Core.Generation.GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        Assert.Contains("portrait", rig.Backend.ModelAliases);
        var sent = _server.Submitted.Single()["prompt"]!;
        Assert.Equal("a knight", sent["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal("helmet", sent["7"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal((832, 1216), (sent["5"]!["inputs"]!["width"]!.GetValue<int>(), sent["5"]!["inputs"]!["height"]!.GetValue<int>()));
        Assert.Equal(4, sent["5"]!["inputs"]!["batch_size"]!.GetValue<int>());
        Assert.StartsWith("mjbot/", sent["9"]!["inputs"]!["filename_prefix"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_WorkflowWithAMissingNodeAndFile_ProblemsNameTheNodeAndInput()
    {
        var graph = Graph("nope.safetensors");
        graph["10"] = new JsonObject { ["class_type"] = "FaceDetailer", ["inputs"] = new JsonObject() };
        Write("broken", graph, """{"prompt": "6.text", "seed": "3.noise"}""");
        var options = ComfyRig.DefaultOptions(_server);
        options.WorkflowFolder = _folder.Path;
        using var rig = await ComfyRig.StartAsync(options);

        var problems = rig.Pool.Servers[0].WorkflowProblems["broken"];

        Assert.Contains(problems, static p => p.Contains("node 10 is a FaceDetailer", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.Contains("node 4 (CheckpointLoaderSimple) input \"ckpt_name\" is \"nope.safetensors\"", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.Contains("mapping \"seed\" names input \"noise\" of node 3 (KSampler)", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<Core.Generation.GenerationException>(() => rig.Backend.GenerateAsync(ComfyRig.Request("a knight --model broken"), new Progress<Core.Generation.GenerationProgress>(), CancellationToken.None));
        Assert.StartsWith("The workflow broken cannot run on any ComfyUI server", ex.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotApiFormatOrNoMapping_ProblemsNameTheFile()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "ui.json"), """{"nodes": [], "links": []}""");
        File.WriteAllText(Path.Combine(_folder.Path, "ui.mapping.json"), """{"prompt": "6.text"}""");
        File.WriteAllText(Path.Combine(_folder.Path, "lonely.json"), Graph("x").ToJsonString());

        var set = Workflows.WorkflowSet.Load(_folder.Path);

        Assert.Empty(set.All);
        Assert.Contains(set.Problems, static p => p.StartsWith("workflow \"lonely\": lonely.mapping.json is missing", StringComparison.Ordinal));
        Assert.Contains(set.Problems, static p => p.Contains("workflow \"ui\": node nodes has no class_type and inputs", StringComparison.Ordinal));
    }

    private void Write(string name, JsonObject graph, string mapping)
    {
        File.WriteAllText(Path.Combine(_folder.Path, name + ".json"), graph.ToJsonString());
        File.WriteAllText(Path.Combine(_folder.Path, name + ".mapping.json"), mapping);
    }

    // ComfyUI's own basic API example graph (script_examples/basic_api_example.py), as "Export (API)" writes it.
    private static JsonObject Graph(string checkpoint) => (JsonObject)JsonNode.Parse($$$"""
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
