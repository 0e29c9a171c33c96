using System.Text.Json.Nodes;
using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class TokenizeVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Tokenize_Sd15Tokenizer_PrintsTheIdsCountAndTruncation()
    {
        var (exit, json) = await RunAsync(["tokenize", "a photo of a cat", "--tokenizer", RepositoryPaths.InTestData("clip", "sd15_tokenizer")]);

        Assert.Equal(0, exit);
        var ids = json["ids"]!.AsArray().Select(static n => n!.GetValue<int>()).ToArray();
        Assert.Equal(77, ids.Length);
        Assert.Equal([49406, 320, 1125, 539, 320, 2368, 49407], ids[..7]);
        Assert.Equal(5, json["count"]!.GetValue<int>());
        Assert.False(json["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Tokenize_DefaultModelsTokenizer_LongPromptTruncated()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Backends:Onnx:ModelFolder"] = RepositoryPaths.InRoot("tests", "models"),
            ["Backends:Onnx:DefaultModel"] = "tiny-sd",
        };
        var (exit, json) = await RunAsync(["tokenize", string.Join(' ', Enumerable.Repeat("cat", 80))], settings);

        Assert.Equal(0, exit);
        Assert.Equal(80, json["count"]!.GetValue<int>());
        Assert.True(json["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Tokenize_FolderWithoutTokenizer_ErrorAndExit2()
    {
        var error = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(["tokenize", "a cat", "--tokenizer", _folder.Path], new CliContext(TextWriter.Null, error, _folder.Path, new Dictionary<string, string?>()));

        Assert.Equal(2, exit);
        Assert.Contains("vocab.json is missing", JsonNode.Parse(error.ToString())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, JsonNode Json)> RunAsync(string[] args, Dictionary<string, string?>? settings = null)
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(args, new CliContext(output, TextWriter.Null, _folder.Path, settings ?? new Dictionary<string, string?>()));
        return (exit, JsonNode.Parse(output.ToString())!);
    }
}
