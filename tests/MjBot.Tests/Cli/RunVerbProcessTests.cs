using MjBot.Testing;
using Xunit.Abstractions;

namespace MjBot.Tests.Cli;

/// <summary>The first README command, as a self-hoster meets it: a real process, a real working folder.</summary>
public sealed class RunVerbProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Run_WithoutAnyConfiguration_PrintsOneClearParagraphAndExits78()
    {
        var run = await ProcessRun.MjBotAsync(_folder.Path, null);

        output.WriteLine($"exit {run.ExitCode} after {run.Elapsed.TotalMilliseconds:F0} ms (process start included)");
        Assert.Equal(78, run.ExitCode);
        Assert.StartsWith("MjBot cannot start: its configuration is incomplete or invalid.", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Discord:Token is missing", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("copy appsettings.example.json to appsettings.json", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("MjBot__Discord__Token", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(".env", run.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Run_WithBrokenAppSettingsJson_NamesTheFileWithoutAStackTrace()
    {
        await File.WriteAllTextAsync(_folder.Combine("appsettings.json"), "{ \"Discord\": { \"Token\": \"x\", } ");

        var run = await ProcessRun.MjBotAsync(_folder.Path, null);

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("appsettings.json", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("compare it with appsettings.example.json", run.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Run_WithSettingsOfTheWrongType_NamesEachSettingAndNeverTheToken()
    {
        const string token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
        var environment = new Dictionary<string, string>
        {
            ["MjBot__Discord__Token"] = token,
            ["MjBot__Queue__MaxWaitingPerUser"] = "lots",
            ["MjBot__Backends__Default"] = "midjourney",
        };

        var run = await ProcessRun.MjBotAsync(_folder.Path, environment);

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("Queue:MaxWaitingPerUser", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Backends:Default is \"midjourney\": use \"onnx\" (local Stable Diffusion), \"openai\" or \"comfyui\".", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.StandardError + run.StandardOutput, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Run_WithValidConfigurationButNoModel_SaysWhatIsMissingAndNeverLogsTheToken()
    {
        const string token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

        var run = await ProcessRun.MjBotAsync(_folder.Path, new Dictionary<string, string> { ["MjBot__Discord__Token"] = token });

        Assert.Equal(78, run.ExitCode);
        Assert.Contains("The default backend \"onnx\" (local Stable Diffusion) is not ready, so MjBot stops: ", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("the default model \"sd15\" (", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Put a Stable Diffusion ONNX export there (see the README's ONNX section)", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.StandardError + run.StandardOutput, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertNoStackTrace(ProcessRun run)
    {
        var all = run.StandardOutput + run.StandardError;
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
    }
}
