using Microsoft.AspNetCore.Http;
using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class DoctorVerbTests : IDisposable
{
    private const string WellFormedToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Doctor_WithoutConfiguration_MarksTheTokenWithAFixAndExits1()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?>());

        Assert.Equal(1, exit);
        Assert.Contains("✗ Configuration", table, StringComparison.Ordinal);
        Assert.Contains("✗ Discord token", table, StringComparison.Ordinal);
        Assert.Contains("fix: set Discord:Token (MjBot__Discord__Token in the environment or .env)", table, StringComparison.Ordinal);
        Assert.Contains("✓ Data folder", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TokenDiscordAcceptsAndModelComplete_PassesAndReportsOnnxRuntime()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"290926444748734465","username":"MjBot","bot":true}""");

        var (exit, table) = await DoctorAsync(Settings(discord));

        Assert.Equal(0, exit);
        Assert.Contains("✓ Configuration", table, StringComparison.Ordinal);
        Assert.Contains("✓ Discord token  accepted by Discord: signed in as MjBot (290926444748734465)", table, StringComparison.Ordinal);
        var request = Assert.Single(discord.Requests);
        Assert.Equal(("GET", "/api/v10/users/@me", "Bot " + WellFormedToken), (request.Method, request.Path, request.Headers["Authorization"]));
        Assert.Contains("– OpenAI key", table, StringComparison.Ordinal);
        Assert.Contains("✓ ONNX Runtime   ONNX Runtime 1.32.0 (providers: CPUExecutionProvider); model \"v7\" (SD 1.x) is complete; runs on CPUExecutionProvider", table, StringComparison.Ordinal);
        Assert.Contains("No problems found.", table, StringComparison.Ordinal);
        Assert.DoesNotContain(WellFormedToken, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_TokenDiscordRejects_FailsWithTheFix()
    {
        await using var discord = await DiscordAnswering(401, """{"message":"401: Unauthorized","code":0}""");

        var (exit, table) = await DoctorAsync(Settings(discord));

        Assert.Equal(1, exit);
        Assert.Contains("✗ Discord token  Discord rejected the token (401 Unauthorized)", table, StringComparison.Ordinal);
        Assert.Contains("fix: reset the token in the Developer Portal", table, StringComparison.Ordinal);
        Assert.DoesNotContain(WellFormedToken, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_DefaultModelFolderIncomplete_FailsNamingWhatIsMissing()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);
        settings["Backends:Onnx:ModelFolder"] = _folder.Path;
        Directory.CreateDirectory(_folder.Combine("tiny-sd", "unet"));

        var (exit, table) = await DoctorAsync(settings);

        Assert.Equal(1, exit);
        var line = table.Split('\n').Single(static l => l.Contains("✗ ONNX Runtime", StringComparison.Ordinal));
        Assert.Contains("✗ ONNX Runtime   ONNX Runtime 1.32.0; the default model \"v7\"", line, StringComparison.Ordinal);
        Assert.Contains("text_encoder/model.onnx is missing", table, StringComparison.Ordinal);
        Assert.Contains("fix: see the README's \"Stable Diffusion on ONNX Runtime\" section", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_CudaAskedOnACpuHost_PassesAndSaysWhyItRunsOnTheCpu()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);
        settings["Backends:Onnx:ExecutionProvider"] = "cuda";

        var (_, table) = await DoctorAsync(settings);

        var line = table.Split('\n').Single(static l => l.Contains("✓ ONNX Runtime", StringComparison.Ordinal));
        Assert.Contains("runs on CPUExecutionProvider (cuda asked for, not usable: CUDAExecutionProvider: ", line, StringComparison.Ordinal);
        Assert.Contains("CUDA execution provider is not enabled in this build.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_LocalTranslationModels_EachCheckedAndABrokenOneFailsWithTheFix()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);
        settings["Translation:Models:ko"] = OnnxTestAssets.Model("tiny-opus-mt-ko-en");
        settings["Translation:Models:ja"] = _folder.Path;

        var (exit, table) = await DoctorAsync(settings);

        Assert.Equal(1, exit);
        var line = table.Split('\n').Single(static l => l.Contains("✗ Translation", StringComparison.Ordinal));
        Assert.Contains($"ja: {_folder.Path}: encoder_model.onnx is missing", line, StringComparison.Ordinal);
        Assert.Contains($"ko: {OnnxTestAssets.Model("tiny-opus-mt-ko-en")} opens on CPUExecutionProvider.", line, StringComparison.Ordinal);
        Assert.Contains("fix: put a Marian (opus-mt) ONNX export in each folder", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Upscaler_OpenedWithItsFactorOrLanczosSaid()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);

        var (_, without) = await DoctorAsync(settings);
        settings["Upscalers:Models:esrgan"] = OnnxTestAssets.Model("tiny-esrgan-x4");
        var (_, with) = await DoctorAsync(settings);

        Assert.Contains("– Upscaler       no upscaler model: Upscale (Subtle) and (Creative) are a Lanczos resize", without, StringComparison.Ordinal);
        Assert.Contains($"✓ Upscaler       \"esrgan\" ({Path.Combine(OnnxTestAssets.Model("tiny-esrgan-x4"), "model.onnx")}) enlarges 4× on CPUExecutionProvider, in 192-pixel tiles.", with, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SafetyChecker_OpenedOrSaidToBeAbsent()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);

        var (_, without) = await DoctorAsync(settings);
        settings["SafetyChecker:Model"] = OnnxTestAssets.Model("tiny-safety-checker");
        var (_, with) = await DoctorAsync(settings);

        Assert.Contains("– Safety check   none: local models' images are posted unchecked", without, StringComparison.Ordinal);
        Assert.Contains($"✓ Safety check   {Path.Combine(OnnxTestAssets.Model("tiny-safety-checker"), "model.onnx")} opens on CPUExecutionProvider", with, StringComparison.Ordinal);
        Assert.Contains("– CLIP           no CLIP model: images are posted without CLIP scores", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoTranslationModel_SaysWherePromptsInOtherScriptsGo()
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");

        var (_, table) = await DoctorAsync(Settings(discord));

        Assert.Contains("– Translation    no local translation model: prompts in other scripts go to the OpenAI chat model", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_DiscordUnreachable_SaysSoWithTheFix()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?>
        {
            ["Discord:Token"] = WellFormedToken,
            ["Discord:ApiBaseAddress"] = "http://127.0.0.1:9/api/v10/",
        });

        Assert.Equal(1, exit);
        Assert.Contains("✗ Discord token  Discord could not be reached at http://127.0.0.1:9/api/v10/", table, StringComparison.Ordinal);
        Assert.Contains("fix: check this machine's network access to discord.com (or Discord:ApiBaseAddress)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_DataFolderThatIsAFile_FailsWithAFix()
    {
        await File.WriteAllTextAsync(_folder.Combine("not-a-folder"), "x");
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        var settings = Settings(discord);
        settings["Storage:DataFolder"] = "not-a-folder";

        var (exit, table) = await DoctorAsync(settings);

        Assert.Equal(1, exit);
        Assert.Contains("✗ Data folder", table, StringComparison.Ordinal);
        Assert.Contains("fix: create the folder and give MjBot's user write access", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithATokenPastedWithItsPrefix_SaysHowToFixIt()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?> { ["Discord:Token"] = "Bot " + WellFormedToken });

        Assert.Equal(1, exit);
        Assert.Contains("Discord:Token must be the token alone: remove the leading \"Bot \".", table, StringComparison.Ordinal);
        Assert.DoesNotContain(WellFormedToken, table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeOpenAI.Key, "dall-e-3", "✓", "accepted; the model dall-e-3 is available")]
    [InlineData("sk-wrong-0123456789abcdefghijklmnopqrstuv", "dall-e-3", "✗", "OpenAI rejected the key (401)")]
    [InlineData(FakeOpenAI.Key, "dall-e-9", "✗", "the model dall-e-9 is not available to it (404)")]
    public async Task Doctor_OpenAIKey_CheckedLiveAndNeverPrinted(string key, string model, string mark, string detail)
    {
        await using var discord = await DiscordAnswering(200, """{"id":"1","username":"MjBot"}""");
        await using var openai = await FakeOpenAI.StartAsync();
        var settings = Settings(discord);
        settings["Backends:OpenAI:ApiKey"] = key;
        settings["Backends:OpenAI:Endpoint"] = openai.Endpoint.ToString();
        settings["Backends:OpenAI:ImageModel"] = model;

        var (_, table) = await DoctorAsync(settings);

        var line = table.Split('\n').Single(static l => l.Contains("OpenAI key", StringComparison.Ordinal));
        Assert.Contains(mark, line, StringComparison.Ordinal);
        Assert.Contains(detail, line, StringComparison.Ordinal);
        Assert.DoesNotContain(key, table, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static Task<LoopbackHttpServer> DiscordAnswering(int status, string body) => LoopbackHttpServer.StartAsync(async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    });

    private static Dictionary<string, string?> Settings(LoopbackHttpServer discord) => new()
    {
        ["Discord:Token"] = WellFormedToken,
        ["Discord:ApiBaseAddress"] = new Uri(discord.Address, "api/v10/").ToString(),
        ["Backends:Onnx:ModelFolder"] = RepositoryPaths.InRoot("tests", "models"),
        ["Backends:Onnx:DefaultModel"] = "v7",
        ["Backends:Onnx:Models:v7"] = "tiny-sd",
        ["Backends:Onnx:ExecutionProvider"] = "cpu",
    };

    private async Task<(int Exit, string Table)> DoctorAsync(Dictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(["doctor"], new CliContext(output, TextWriter.Null, _folder.Path, settings));
        return (exit, output.ToString());
    }
}
