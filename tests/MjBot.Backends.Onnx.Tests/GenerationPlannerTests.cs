using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;

namespace MjBot.Backends.Onnx.Tests;

public sealed class GenerationPlannerTests
{
    private static readonly OnnxBackendOptions Settings = new()
    {
        ModelFolder = "/nonexistent",
        DefaultModel = "v7",
        Models = new Dictionary<string, string> { ["v7"] = "sd15", ["v6"] = "sd15-old", ["niji"] = "anime", ["draft"] = "sd-turbo" },
    };

    private static GenerationRequest Request(string prompt, JobKind kind = JobKind.Imagine, long seed = 100) =>
        new(kind, ((PromptParseResult.Success)PromptParser.Parse(prompt)).Jobs[0], seed, null, null);

    private static DiffusionJob Plan(string prompt, ModelProfile? profile = null) => GenerationPlanner.Plan(Request(prompt), profile ?? new ModelProfile(), 4);

    [Theory]
    [InlineData(1, 1, 512, 512, 512)]
    [InlineData(16, 9, 512, 704, 384)]
    [InlineData(9, 16, 512, 384, 704)]
    [InlineData(3, 2, 768, 960, 640)]
    [InlineData(8, 1, 64, 192, 64)]
    public void Dimensions_Ratio_MultiplesOf64AtTheNativePixelCount(int w, int h, int native, int width, int height) =>
        Assert.Equal((width, height), GenerationPlanner.Dimensions(w, h, native));

    [Fact]
    public void Plan_Defaults_ProfileStepsGuidanceAndSeedsPlusIndex()
    {
        var job = Plan("a cat");
        Assert.Equal((512, 512, 25), (job.Width, job.Height, job.Steps));
        Assert.Equal(SamplerKind.EulerAncestral, job.Sampler);
        Assert.Equal([100L, 101, 102, 103], job.Seeds);
        Assert.All(job.Guidance, static g => Assert.Equal(7.5, g));
        Assert.Equal(string.Empty, job.Negative);
        Assert.Null(job.StopAfter);
    }

    [Theory]
    [InlineData("a cat --s 100", 7.5)]
    [InlineData("a cat --s 0", 10.0)]
    [InlineData("a cat --s 400", 5.0)]
    [InlineData("a cat --s 1000", 2.09431)]
    [InlineData("a cat --s 250 --cfg 4", 4.0)]
    public void Plan_StylizeOrCfg_GuidanceScale(string prompt, double guidance) =>
        Assert.Equal(guidance, Plan(prompt).Guidance[0], 4);

    [Fact]
    public void Plan_GuidanceOffModel_IgnoresStylize() =>
        Assert.All(Plan("a cat --s 0", new ModelProfile { Guidance = 0 }).Guidance, static g => Assert.Equal(0, g));

    [Fact]
    public void Plan_Chaos_LaterImagesFollowThePromptMoreLoosely() =>
        Assert.Equal([7.5, 6.25, 5.0, 3.75], Plan("a cat --c 100").Guidance.Select(static g => Math.Round(g, 4)));

    [Fact]
    public void Plan_QualityStepsStopSamplerSameSeed_AsDocumented()
    {
        Assert.Equal(50, Plan("a cat --q 2").Steps);
        Assert.Equal(12, Plan("a cat --q .5").Steps);
        Assert.Equal(40, Plan("a cat --steps 40 --q 2").Steps);
        Assert.Equal(13, Plan("a cat --stop 50").StopAfter);
        Assert.Equal(SamplerKind.DpmPlusPlus2MKarras, Plan("a cat --sampler dpmpp_2m_karras").Sampler);
        Assert.Equal([100L, 100, 100, 100], Plan("a cat --sameseed").Seeds);
    }

    [Fact]
    public void Plan_NoAndMultiPrompt_NegativePromptAndWeightedSegments()
    {
        var job = Plan("a red fox::2 snow::1 --no trees, people");
        Assert.Equal("trees, people", job.Negative);
        Assert.Equal([("a red fox", 2.0), ("snow", 1.0)], job.Prompts[0].Select(static s => (s.Text, s.Weight)));
    }

    [Fact]
    public void Plan_ServerSafetyTerms_JoinTheNegativePromptAfterTheMembers()
    {
        var request = Request("a red fox --no trees") with { SafetyNegatives = ["gore", "adult themes"] };

        Assert.Equal("trees, gore, adult themes", GenerationPlanner.Plan(request, new ModelProfile(), 4).Negative);
    }

    [Fact]
    public void Plan_Captions_OnePerImage()
    {
        var request = Request("a cat") with { Captions = ["one", "two", "three", "four"] };
        var job = GenerationPlanner.Plan(request, new ModelProfile(), 4);
        Assert.Equal(["one", "two", "three", "four"], job.Prompts.Select(static p => p[0].Text));
    }

    [Theory]
    [InlineData("a cat", "v7", null)]
    [InlineData("a cat --v 6.1", "v6", null)]
    [InlineData("a cat --niji 6", "niji", null)]
    [InlineData("a cat --draft", "draft", null)]
    [InlineData("a cat --v 5", "v7", "no model is configured for --v 5: used v7")]
    public void ModelAlias_VersionNijiDraft_ConfiguredAliasOrDefaultWithNotice(string prompt, string alias, string? notice) =>
        Assert.Equal((alias, notice), GenerationPlanner.ModelAlias(Request(prompt).Request, Settings) is var (a, n) ? (a, n?.English) : default);

    [Fact]
    public void ModelAlias_UnknownModel_RefusedNamingTheConfiguredOnes()
    {
        var ex = Assert.Throws<GenerationException>(() => GenerationPlanner.ModelAlias(Request("a cat --model sdxl").Request, Settings));
        Assert.False(ex.Retryable);
        Assert.Equal("No model called \"sdxl\" is configured here; the server's models are: draft, niji, v6, v7.", ex.Message);
    }
}
