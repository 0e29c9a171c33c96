using System.Text.Json.Nodes;
using MjBot.Backends.Onnx;
using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Testing;
using MjBot.Testing.Hub;

namespace MjBot.Tests.Cli;

public sealed class ModelsVerbTests : IAsyncLifetime, IDisposable
{
    private const string TurboRepo = "mjbot-test/tiny-sdxl-turbo";

    private readonly TempFolder _folder = new();
    private HubStandIn _hub = null!;

    private string Models => _folder.Combine("models");

    public async Task InitializeAsync()
    {
        _hub = await HubStandIn.StartAsync();
        _hub.Push(TurboRepo, HubStandIn.FilesOf(OnnxTestAssets.Model("tiny-sdxl")));
        _hub.Gate(TurboRepo, HubStandIn.Token);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ModelsAdd_GatedSdxlTurboRepo_InstalledWithItsSettingsAndListed()
    {
        var (exit, output, error) = await RunAsync("models", "add", TurboRepo);

        Assert.True(exit == 0, error);
        var folder = Path.Combine(Models, "tiny-sdxl-turbo");
        Assert.Contains($"Installed {TurboRepo} (commit ", output, StringComparison.Ordinal);
        Assert.Contains("as \"tiny-sdxl-turbo\"", output, StringComparison.Ordinal);
        Assert.Contains("--model tiny-sdxl-turbo", output, StringComparison.Ordinal);
        Assert.Contains("Downloading " + TurboRepo, error, StringComparison.Ordinal);
        Assert.Contains("checked  unet/model.onnx", error, StringComparison.Ordinal);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "mjbot.json")))!;
        Assert.Equal("sdxl", settings["family"]!.GetValue<string>());
        Assert.Equal(4, settings["steps"]!.GetValue<int>());
        Assert.Equal(0, settings["guidance"]!.GetValue<int>());
        Assert.Equal("trailing", settings["timestep_spacing"]!.GetValue<string>());
        Assert.Equal(TurboRepo, settings["source"]!["repo"]!.GetValue<string>());
        Assert.Equal("SDXL", OnnxModelFolder.Describe(folder).Family);
        Assert.DoesNotContain(HubStandIn.Token, output + error, StringComparison.Ordinal);

        var (listExit, list, _) = await RunAsync(["models", "list"], new() { ["Backends:Onnx:DefaultModel"] = "tiny-sdxl-turbo" });

        Assert.Equal(0, listExit);
        var row = list.Split('\n').Single(static l => l.StartsWith("tiny-sdxl-turbo (default) ", StringComparison.Ordinal));
        Assert.Contains("SDXL", row, StringComparison.Ordinal);
        Assert.Contains($"{TurboRepo}@main", row, StringComparison.Ordinal);
        Assert.Contains(folder, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsAdd_AliasAlreadyInstalled_RefusedNamingWhatIsThere()
    {
        Assert.Equal(0, (await RunAsync("models", "add", TurboRepo, "--as", "turbo")).Exit);

        var (exit, _, error) = await RunAsync("models", "add", TurboRepo, "--as", "turbo");

        Assert.Equal(1, exit);
        Assert.Contains("\"turbo\" is installed already", error, StringComparison.Ordinal);
        Assert.Contains($"({TurboRepo}@main, commit ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b/c", "is not a Hugging Face repo id")]
    [InlineData("owner/name --as Upper", "cannot be a model alias")]
    [InlineData("owner/name --as ..", "cannot be a model alias")]
    [InlineData("owner/name --as", "--as needs a name")]
    [InlineData("", "name the repo")]
    public async Task ModelsAdd_BadArguments_UsageAndWhy(string arguments, string expected)
    {
        var (exit, _, error) = await RunAsync(["models", "add", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(MjBotCommandLine.UsageError, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(_hub.HubRequests);
    }

    [Fact]
    public async Task ModelsAdd_HubRefuses_Exit1WithWhatToDo()
    {
        var (exit, _, error) = await RunAsync("models", "add", "nobody/nothing");

        Assert.Equal(1, exit);
        Assert.Contains("mjbot models add: The hub has no repo nobody/nothing, or it is private", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsAdd_BadEndpoint_ConfigurationError()
    {
        var (exit, _, error) = await RunAsync(["models", "add", TurboRepo], new() { ["ModelHub:Endpoint"] = "huggingface.co" });

        Assert.Equal(ConfigurationLoader.ConfigurationError, exit);
        Assert.Contains("ModelHub:Endpoint is \"huggingface.co\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsList_UnfinishedDownloadAndMissingDefault_ShownWithTheFix()
    {
        _hub.StallOnce("unet/model.onnx", 100);
        var (addExit, _, addError) = await RunAsync(["models", "add", TurboRepo, "--as", "turbo"], new() { ["ModelHub:Retries"] = "0", ["ModelHub:StallTimeout"] = "00:00:02" });
        Assert.Equal(1, addExit);
        Assert.Contains("run the same command again to resume", addError, StringComparison.Ordinal);

        var (exit, list, _) = await RunAsync("models", "list");

        Assert.Equal(1, exit);
        Assert.Contains("sd15 (default)", list, StringComparison.Ordinal);
        Assert.Contains("sd15: the folder", list, StringComparison.Ordinal);
        Assert.Contains($"Unfinished download \"turbo\" of {TurboRepo}", list, StringComparison.Ordinal);
        Assert.Contains($"mjbot models add {TurboRepo} --as turbo", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_NoSubcommand_Usage()
    {
        var (exit, _, error) = await RunAsync("models");

        Assert.Equal(MjBotCommandLine.UsageError, exit);
        Assert.Contains("mjbot models add <owner/name>[@revision] [--as <alias>]", error, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, []);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Backends:Onnx:ModelFolder"] = Models,
            ["ModelHub:Endpoint"] = _hub.Endpoint.ToString(),
            ["ModelHub:Token"] = HubStandIn.Token,
            ["ModelHub:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(args, new CliContext(output, error, _folder.Path, all));
        return (exit, output.ToString(), error.ToString());
    }
}
