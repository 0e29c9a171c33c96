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
    public void Plan_VariationOfAWorkflowWithoutAnImageInput_RefusedNamingTheWorkflow()
    {
        var planner = Planner("""{"prompt": "6.text", "seed": "3.seed"}""");
        var source = MjBot.Imaging.Png.PngEncoder.Encode(StandInImages.Solid(512, 512, (1, 2, 3)));

        var ex = Assert.Throws<Core.Generation.GenerationException>(() => planner.Plan(ComfyRig.Request("a knight --model portrait", Core.Jobs.JobKind.Variation, source: source, option: "subtle")));

        Assert.False(ex.Retryable);
        Assert.StartsWith("The workflow portrait takes no image", ex.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LoraOnAWorkflow_NoticeThatItWasNotApplied()
    {
        var planner = Planner("""{"prompt": "6.text", "seed": "3.seed"}""");

        var job = planner.Plan(ComfyRig.Request("a knight --model portrait --lora pixel-art"));

        Assert.Contains(job.Notices, static n => n.English == "--lora not applied: the workflow portrait loads its own LoRAs");
    }

    [Fact]
    public void Plan_SubtleUpscaleOfAWorkflowsImage_UpscaleModelOnly()
    {
        var planner = Planner("""{"prompt": "6.text", "seed": "3.seed"}""");
        var source = MjBot.Imaging.Png.PngEncoder.Encode(StandInImages.Solid(512, 512, (1, 2, 3)));

        var job = planner.Plan(ComfyRig.Request("a knight --model portrait", Core.Jobs.JobKind.Upscale, source: source, option: "subtle"));

        Assert.Null(job.Workflow);
        Assert.Equal([("upscale_models", "4x-UltraSharp.pth")], job.Needs);
        Assert.Contains("ImageUpscaleWithModel", Graphs.GraphBuilder.Build(job.Graph with { SourceImage = "in.png" }).Prompt.Select(static n => n.Value!["class_type"]!.GetValue<string>()));
    }

    [Fact]
    public void Load_NotApiFormatOrNoMapping_ProblemsNameTheFile()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "ui.json"), """{"nodes": [], "links": []}""");
        File.WriteAllText(Path.Combine(_folder.Path, "ui.mapping.json"), """{"prompt": "6.text"}""");
        File.WriteAllText(Path.Combine(_folder.Path, "lonely.json"), Graph("x").ToJsonString());
        File.WriteAllText(Path.Combine(_folder.Path, "numbered.json"), """{"1": {"class_type": 4, "inputs": {}}}""");
        File.WriteAllText(Path.Combine(_folder.Path, "numbered.mapping.json"), """{"prompt": "1.text"}""");

        var set = Workflows.WorkflowSet.Load(_folder.Path);

        Assert.Empty(set.All);
        Assert.Contains(set.Problems, static p => p.StartsWith("workflow \"lonely\": lonely.mapping.json is missing", StringComparison.Ordinal));
        Assert.Contains(set.Problems, static p => p.Contains("workflow \"ui\": node nodes has no class_type and inputs", StringComparison.Ordinal));
        Assert.Contains(set.Problems, static p => p.Contains("workflow \"numbered\": node 1 has no class_type and inputs", StringComparison.Ordinal));
    }

    private Graphs.JobPlanner Planner(string mapping)
    {
        Write("portrait", Graph("sd_xl_base_1.0.safetensors"), mapping);
        var options = ComfyRig.DefaultOptions(_server);
        options.WorkflowFolder = _folder.Path;
        return new Graphs.JobPlanner(options, Workflows.WorkflowSet.Load(_folder.Path));
    }

    private void Write(string name, JsonObject graph, string mapping)
    {
        File.WriteAllText(Path.Combine(_folder.Path, name + ".json"), graph.ToJsonString());
        File.WriteAllText(Path.Combine(_folder.Path, name + ".mapping.json"), mapping);
    }

    private static JsonObject Graph(string checkpoint) => StandInWorkflows.BasicApiExample(checkpoint);
}
