using System.Text.Json.Nodes;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Workflows;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Imaging.Png;
using MjBot.Testing.ComfyUI;

namespace MjBot.Backends.ComfyUI.Tests;

/// <summary>Every graph MjBot builds, checked by the stand-in's copy of ComfyUI's validation against ComfyUI v0.8.0's
/// own node definitions (tests/data/comfyui/object_info.json): SD 1.x, SDXL and Flux (checkpoint and split), with LoRAs,
/// image-to-image, outpainting, upscales and --stop.</summary>
public sealed class GraphCatalogueTests
{
    private static readonly StandInOptions Server = new();
    private static readonly byte[] Source = PngEncoder.Encode(StandInImages.Solid(512, 512, (10, 20, 30)));

    [Theory]
    [InlineData("a red fox --ar 16:9", "sd15")]
    [InlineData("a red fox --model sdxl --ar 3:2 --s 400", "sdxl")]
    [InlineData("a red fox --model flux --ar 1:1", "flux")]
    [InlineData("a red fox --model flux-dev --c 50", "flux-dev")]
    [InlineData("a red fox --model sdxl-split --ar 2:3", "sdxl-split")]
    [InlineData("a red fox --lora pixel-art:0.7 --lora styles/watercolor", "sd15")]
    [InlineData("a red fox --model flux --lora pixel-art", "flux")]
    [InlineData("a red fox --stop 60 --sampler dpmpp_2m_karras --steps 30", "sd15")]
    [InlineData("a red fox :: snow::2 trees::-0.5 --no people --cfg 9", "sd15")]
    [InlineData("a red fox --sameseed --sampler lcm --v 6", "sdxl")]
    public void Build_TextToImage_AcceptedByComfyUIsCatalogue(string prompt, string alias)
    {
        var built = Build(prompt, JobKind.Imagine);

        AssertAccepted(built);
        Assert.Equal(4, built.SaveNodes.Count);
        Assert.Contains(built.Prompt, n => Class(n.Value) == (alias.StartsWith("flux", StringComparison.Ordinal) ? "EmptySD3LatentImage" : "EmptyLatentImage"));
    }

    [Theory]
    [InlineData(JobKind.Variation, "subtle")]
    [InlineData(JobKind.Variation, "strong")]
    [InlineData(JobKind.Variation, null)]
    [InlineData(JobKind.ZoomOut, "2")]
    [InlineData(JobKind.ZoomOut, "1.5")]
    [InlineData(JobKind.Pan, "left")]
    [InlineData(JobKind.Pan, "up")]
    [InlineData(JobKind.Upscale, "subtle")]
    [InlineData(JobKind.Upscale, "creative")]
    public void Build_FromAnImage_AcceptedByComfyUIsCatalogue(JobKind kind, string? option)
    {
        var built = Build("a red fox --lora pixel-art", kind, option);

        AssertAccepted(built);
        var classes = built.Prompt.Select(static n => Class(n.Value)).ToList();
        Assert.Contains("LoadImage", classes);
        switch (kind)
        {
            case JobKind.ZoomOut or JobKind.Pan:
                Assert.Contains("VAEEncodeForInpaint", classes);
                Assert.Contains(built.Prompt, static n => n.Value!["inputs"]!["ckpt_name"]?.GetValue<string>() == "sd-v1-5-inpainting.ckpt");
                break;
            case JobKind.Upscale:
                Assert.Contains("ImageUpscaleWithModel", classes);
                Assert.Equal(option == "creative", classes.Contains("KSampler"));
                break;
            default:
                Assert.Contains("VAEEncode", classes);
                break;
        }
    }

    [Fact]
    public void Plan_ImagePrompts_OneAveragedStartImageAtTheSizeRedrawnAsIwSays()
    {
        var options = ComfyRig.DefaultOptions();
        var planner = new JobPlanner(options, WorkflowSet.Empty);
        var request = ComfyRig.Request("https://a.test/1.png https://a.test/2.png a harbour --iw 2 --ar 3:2") with
        {
            References =
            [
                new(ReferenceRole.ImagePrompt, PngEncoder.Encode(StandInImages.Solid(300, 200, (200, 0, 0)))),
                new(ReferenceRole.ImagePrompt, PngEncoder.Encode(StandInImages.Solid(100, 100, (0, 0, 200)))),
            ],
        };

        var job = planner.Plan(request);

        Assert.Equal(0.45, job.Graph.Denoise, 6);
        var start = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(job.Upload!)).Image.Pixels;
        Assert.Equal((job.Graph.Width, job.Graph.Height), (start.Width, start.Height));
        Assert.Equal([100, 0, 100, 255], start.Pixels[..4]);
        var built = GraphBuilder.Build(job.Graph with { SourceImage = "input.png" });
        AssertAccepted(built);
        Assert.Contains("VAEEncode", built.Prompt.Select(static n => Class(n.Value)));
    }

    [Fact]
    public void Build_FluxSplitModel_GuidanceAsConditioningAndCfgOne()
    {
        var built = Build("a red fox --model flux --s 200", JobKind.Imagine);

        var sampler = built.Prompt.First(static n => Class(n.Value) == "KSampler").Value!["inputs"]!;
        Assert.Equal(1.0, sampler["cfg"]!.GetValue<double>());
        Assert.Contains(built.Prompt, static n => Class(n.Value) == "FluxGuidance");
        var loader = built.Prompt.First(static n => Class(n.Value) == "DualCLIPLoader").Value!["inputs"]!;
        Assert.Equal("flux", loader["type"]!.GetValue<string>());
    }

    [Fact]
    public void Build_SdxlSplitModel_BothEncodersThroughDualClipLoaderOfTypeSdxl()
    {
        var built = Build("a red fox --model sdxl-split", JobKind.Imagine);

        var loader = built.Prompt.First(static n => Class(n.Value) == "DualCLIPLoader").Value!["inputs"]!;
        Assert.Equal("sdxl", loader["type"]!.GetValue<string>());
        Assert.Equal("clip_g.safetensors", loader["clip_name2"]!.GetValue<string>());
        Assert.DoesNotContain(built.Prompt, static n => Class(n.Value) == "CLIPLoader");
    }

    [Fact]
    public void Build_StopOnAStrongVariation_EndsAtLeastOneStepAfterItsStart()
    {
        var built = Build("a red fox --stop 10 --steps 20", JobKind.Variation, "subtle");

        AssertAccepted(built);
        var sampler = built.Prompt.First(static n => Class(n.Value) == "KSamplerAdvanced").Value!["inputs"]!;
        Assert.Equal(13, sampler["start_at_step"]!.GetValue<int>());
        Assert.Equal(14, sampler["end_at_step"]!.GetValue<int>());
    }

    [Fact]
    public void Build_PerImageSeeds_EachSamplerItsImagesSeedAndChaosGuidance()
    {
        var built = Build("a red fox --seed 41 --c 60 --cfg 8", JobKind.Imagine);

        var samplers = built.Prompt.Where(static n => Class(n.Value) == "KSampler").Select(static n => n.Value!["inputs"]!).ToList();
        Assert.Equal([1000L, 1001, 1002, 1003], samplers.Select(static s => s["seed"]!.GetValue<long>()));
        Assert.Equal(8, samplers[0]["cfg"]!.GetValue<double>());
        Assert.True(samplers[3]["cfg"]!.GetValue<double>() < samplers[1]["cfg"]!.GetValue<double>());
    }

    [Fact]
    public void Validate_UnknownNodeAndBadChoice_TheRealErrorBodies()
    {
        var catalogue = StandInCatalogue.For(Server.Files, []);
        var unknown = new JsonObject { ["prompt"] = new JsonObject { ["1"] = new JsonObject { ["class_type"] = "NoSuchNode", ["inputs"] = new JsonObject() } } };
        var built = Build("a red fox", JobKind.Imagine).Prompt;
        built.First(static n => Class(n.Value) == "CheckpointLoaderSimple").Value!["inputs"]!["ckpt_name"] = "nope.safetensors";

        var (refusedUnknown, _, _) = StandInValidation.Validate(unknown, catalogue, new HashSet<string>());
        var (refusedChoice, _, errors) = StandInValidation.Validate(JsonNode.Parse(new JsonObject { ["prompt"] = built }.ToJsonString()), catalogue, new HashSet<string>());

        Assert.Equal("invalid_prompt", refusedUnknown!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("prompt_outputs_failed_validation", refusedChoice!["error"]!["type"]!.GetValue<string>());
        var node = Assert.Single(errors);
        Assert.Equal("CheckpointLoaderSimple", node.Value!["class_type"]!.GetValue<string>());
        Assert.Equal("value_not_in_list", node.Value["errors"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Validate_LoadImageOfAFileNotUploaded_TheNodesOwnCheckAnswers()
    {
        var built = Build("a red fox", JobKind.Variation, "subtle");

        var (refusal, _, errors) = StandInValidation.Validate(JsonNode.Parse(new JsonObject { ["prompt"] = built.Prompt.DeepClone() }.ToJsonString()), StandInCatalogue.For(Server.Files, []), new HashSet<string>());

        Assert.NotNull(refusal);
        var node = Assert.Single(errors);
        Assert.Equal("LoadImage", node.Value!["class_type"]!.GetValue<string>());
        Assert.Equal("custom_validation_failed", node.Value["errors"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Catalogue_ClassicAndV3Combos_BothShapesReadAsOptions()
    {
        var catalogue = Wire.NodeCatalogue.Read(StandInCatalogue.For(Server.Files, []));

        Assert.Contains("4x-UltraSharp.pth", catalogue.Options("UpscaleModelLoader", "model_name")!);
        Assert.Contains("dpmpp_2m", catalogue.Options("KSampler", "sampler_name")!);
        Assert.Contains("karras", catalogue.Options("KSampler", "scheduler")!);
        Assert.Equal(["enable", "disable"], catalogue.Options("KSamplerAdvanced", "add_noise")!.ToArray());
    }

    private static BuiltGraph Build(string prompt, JobKind kind, string? option = null)
    {
        var options = ComfyRig.DefaultOptions();
        options.Models["v6"] = options.Models["sdxl"];
        var planner = new JobPlanner(options, WorkflowSet.Empty);
        var request = ComfyRig.Request(prompt, kind, source: kind == JobKind.Imagine ? null : Source, option: option);
        var job = planner.Plan(request);
        var loras = job.Loras.Select(static l => new LoraFile(Server.Files["loras"].First(f => PooledName(f) == l.Name), l.Weight)).ToList();
        return GraphBuilder.Build(job.Graph with { Loras = loras, SourceImage = job.Upload is null ? null : "input.png" });
    }

    private static string PooledName(string file) => Pool.PooledServer.LoraName(file);

    private static void AssertAccepted(BuiltGraph built)
    {
        var (refusal, outputs, errors) = StandInValidation.Validate(JsonNode.Parse(new JsonObject { ["prompt"] = built.Prompt.DeepClone() }.ToJsonString()), StandInCatalogue.For(Server.Files, ["input.png"]), new HashSet<string> { "input.png" });
        Assert.True(refusal is null, refusal?.ToJsonString());
        Assert.Empty(errors);
        Assert.Equal(built.SaveNodes.Order(), outputs.Order());
    }

    private static string Class(JsonNode? node) => node!["class_type"]!.GetValue<string>();
}
