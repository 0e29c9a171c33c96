using System.Text.Json;
using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class ParseVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Parse_OneJob_PrintsPromptAndOnlyTheGivenParams()
    {
        var (exit, json) = await ParseAsync("a red fox in snow --ar 16:9 --s 250 --no trees, rocks --seed 42 --raw --tile --fast --p");

        Assert.Equal(0, exit);
        AssertJson("""
            {"prompt":"a red fox in snow","params":{"aspect":"16:9","stylize":250,"no":["trees","rocks"],"seed":42,
             "style":"raw","tile":true,"speed":"fast","personalize":[]}}
            """, json);
    }

    [Fact]
    public async Task Parse_EveryParameter_UsesTheCanonicalNamesAndTypes()
    {
        var (exit, json) = await ParseAsync(
            "https://a.io/a.png::2 https://a.io/b.jpg space::2 ship --aspect 2:3 --chaos 5 --sameseed 7 --sref 12::2 random "
            + "--sw 10 --sv 4 --iw 0.5 --niji 5 --style cute --q .5 --weird 3 --stop 50 --draft --stealth --hd --profile ab "
            + "--exp 9 --steps 30 --cfg 7.5 --sampler lcm --model sd15");

        Assert.Equal(0, exit);
        AssertJson("""
            {"prompt":"space::2 ship","params":{"aspect":"2:3","chaos":5,"seed":7,"sameseed":true,"sref":["12","random"],
             "sref_weights":[2,1],"sw":10,"sv":4,"iw":0.5,"niji":"5","style":"cute","quality":0.5,"weird":3,"stop":50,
             "draft":true,"visibility":"stealth","hd":true,"personalize":["ab"],"exp":9,"steps":30,"cfg":7.5,"sampler":"lcm",
             "model":"sd15"},
             "multi_prompt":[{"text":"space","weight":2},{"text":"ship","weight":1}],
             "image_prompts":["https://a.io/a.png","https://a.io/b.jpg"],"image_prompt_weights":[2,1]}
            """, json);
    }

    [Fact]
    public async Task Parse_ReferencesAndVersion_UseTheirCanonicalNames()
    {
        var (_, json) = await ParseAsync("cat --cref https://a.io/c.png --cw 20 --v 6");
        var (_, omni) = await ParseAsync("cat --oref https://a.io/o.png --ow 50 --version 7.0 --relax --public");

        AssertJson("""{"prompt":"cat","params":{"cref":["https://a.io/c.png"],"cw":20,"version":"6"}}""", json);
        AssertJson("""{"prompt":"cat","params":{"oref":"https://a.io/o.png","ow":50,"version":"7","speed":"relax","visibility":"public"}}""", omni);
    }

    [Fact]
    public async Task Parse_PermutationsAndRepeat_PrintsPermutationsJobsAndCount()
    {
        var (exit, json) = await ParseAsync("a {red, green} bird --r 2");

        Assert.Equal(0, exit);
        AssertJson("""
            {"permutations":["a red bird --r 2","a green bird --r 2"],
             "jobs":[{"prompt":"a red bird","params":{"repeat":2}},{"prompt":"a red bird","params":{"repeat":2}},
                     {"prompt":"a green bird","params":{"repeat":2}},{"prompt":"a green bird","params":{"repeat":2}}],
             "job_count":4}
            """, json);
    }

    [Fact]
    public async Task Parse_RefusedPrompt_PrintsErrorAndCodeAndExits2()
    {
        var (exit, json) = await ParseAsync("cat --foo");

        Assert.Equal(2, exit);
        AssertJson("""{"error":"Unrecognized parameter(s): `--foo`","error_code":"unknown_parameter"}""", json);
    }

    [Fact]
    public async Task Parse_ConfiguredModelAliases_AreTheOnlyOnesAccepted()
    {
        await File.WriteAllTextAsync(_folder.Combine("appsettings.json"), """{ "Backends": { "Onnx": { "Models": { "v7": "sd15", "niji": "anything" } } } }""");

        var (exit, json) = await ParseAsync("cat --model sdxl");

        Assert.Equal(2, exit);
        AssertJson("""{"error":"--model must be one of niji, sd15, v7","error_code":"out_of_range"}""", json);
    }

    [Fact]
    public async Task Parse_ArgumentsWithoutQuotes_AreJoinedIntoOnePrompt()
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(["parse", "a", "cat", "--ar", "1:1"], new CliContext(output, TextWriter.Null, _folder.Path));

        Assert.Equal(0, exit);
        AssertJson("""{"prompt":"a cat","params":{"aspect":"1:1"}}""", output.ToString());
    }

    [Fact]
    public async Task Parse_WithoutAPrompt_PrintsUsageAndExits64()
    {
        var error = new StringWriter();

        var exit = await MjBotCommandLine.RunAsync(["parse"], new CliContext(TextWriter.Null, error, _folder.Path));

        Assert.Equal(64, exit);
        Assert.Contains("Usage: mjbot parse", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsageAndExits64()
    {
        var error = new StringWriter();

        Assert.Equal(64, await MjBotCommandLine.RunAsync(["paint"], new CliContext(TextWriter.Null, error, _folder.Path)));
        Assert.Contains("unknown command \"paint\"", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(int Exit, string Json)> ParseAsync(string prompt)
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(["parse", prompt], new CliContext(output, TextWriter.Null, _folder.Path));
        return (exit, output.ToString());
    }

    // Compares JSON by content and property order, ignoring layout.
    private static void AssertJson(string expected, string actual)
    {
        static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
        Assert.Equal(Canonical(expected), Canonical(actual));
    }
}
