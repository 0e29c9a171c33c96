using System.Text.Json.Nodes;
using MjBot.Core.Generation;
using MjBot.DiscordEmulator;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>Korean prompts on a backend that reads English only, end to end: the chat model (the fake OpenAI)
/// translates prompt and --no terms, the backend gets the English, the member sees it under the result, and the
/// server's rules judge the English too.</summary>
public sealed class TranslationEndToEndTests : EmulatorTest
{
    private FakeOpenAI _openai = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _openai = await FakeOpenAI.StartAsync();
        _openai.Translations["칼을 든 기사"] = "a knight holding a sword";
        _openai.Translations["나무"] = "trees";
        _openai.Translations["눈 속의 붉은 여우"] = "a red fox in snow";
        Emulator.Locale = "ko";
        Emulator.GuildLocale = "ko";
    }

    public override async Task DisposeAsync()
    {
        await _openai.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Imagine_KoreanOnAnEnglishOnlyBackend_TheBackendGetsEnglishAndTheMemberSeesIt()
    {
        await using var bot = await StartAsync(BackendCapabilities.EnglishOnly);

        await bot.ImagineAsync("칼을 든 기사 --ar 3:2 --no 나무");
        var grid = await bot.ResultAsync("**칼을 든 기사 --ar 3:2 --no 나무** - ");

        var sent = Assert.Single(bot.Backend.Requests).Request;
        Assert.Equal("a knight holding a sword", sent.Prompt);
        Assert.Equal(["trees"], sent.NegativeTerms.ToArray());
        Assert.Equal(3, sent.Parameters.Aspect!.Value.Width);
        Assert.Contains("-# 모델용 번역: a knight holding a sword (--no trees)", grid.Content, StringComparison.Ordinal);
        var asked = Assert.Single(_openai.Chats);
        Assert.Equal("1: 칼을 든 기사\n2: 나무\n", asked["messages"]![1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Imagine_BackendReadsEveryLanguage_PromptGoesAsTyped()
    {
        await using var bot = await StartAsync(BackendCapabilities.None);

        await bot.ImagineAsync("칼을 든 기사");
        var grid = await bot.ResultAsync("**칼을 든 기사** - ");

        Assert.Equal("칼을 든 기사", Assert.Single(bot.Backend.Requests).Request.Prompt);
        Assert.Empty(_openai.Chats);
        Assert.DoesNotContain("번역", grid.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_EnglishTranslationMatchesARule_BlockedSayingSo()
    {
        await using var bot = await StartAsync(BackendCapabilities.EnglishOnly);
        var rule = await Emulator.RunSlashCommandAsync("disallow", [new JsonObject { ["name"] = "add", ["type"] = 1, ["options"] = new JsonArray { new JsonObject { ["name"] = "term", ["type"] = 3, ["value"] = "sword" }, new JsonObject { ["name"] = "category", ["type"] = 3, ["value"] = "weapons" } } }], EmulatedMember.Moderator);
        await rule.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var command = await bot.ImagineAsync("칼을 든 기사");
        await bot.UntilAsync(() => command.Original?.Content?.Contains("(차단됨:", StringComparison.Ordinal) == true, "the blocked message");

        Assert.Contains("영어 번역이 이 서버의 규칙(weapons)에 걸립니다", command.Original!.Content, StringComparison.Ordinal);
        Assert.Empty(bot.Backend.Requests);
    }

    /// <summary>On the real ONNX backend (tiny SD, CPU) the text encoder reads the English, which the pixels prove:
    /// the Korean prompt's grid equals, pixel for pixel, its translation's with the same seed, and differs from
    /// another prompt's.</summary>
    [Fact]
    public async Task Imagine_KoreanOnTheOnnxBackend_TheTextEncoderReadsItsEnglishTranslation()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: RunningBot.TinyOnnx(
            ("Backends:OpenAI:ApiKey", FakeOpenAI.Key),
            ("Backends:OpenAI:Endpoint", _openai.Endpoint.ToString())), withTestBackend: false);

        await bot.ImagineAsync("눈 속의 붉은 여우 --seed 7");
        var korean = await bot.ResultAsync("**눈 속의 붉은 여우 --seed 7** - ");
        await bot.ImagineAsync("a red fox in snow --seed 7");
        var english = await bot.ResultAsync("**a red fox in snow --seed 7** - ");
        await bot.ImagineAsync("a blue bird at dusk --seed 7");
        var other = await bot.ResultAsync("**a blue bird at dusk --seed 7** - ");

        Assert.Contains("-# 모델용 번역: a red fox in snow", korean.Content, StringComparison.Ordinal);
        Assert.Equal(Pixels(english), Pixels(korean));
        Assert.NotEqual(Pixels(other), Pixels(korean));
        Assert.Single(_openai.Chats);
    }

    /// <summary>With a local translation model for Korean (the tiny opus-mt export) beside the chat model: Korean is
    /// translated on this machine — the chat model is never asked — and reaches the text encoder in English, pixel for
    /// pixel; Japanese, which the local model does not read, still goes to the chat model.</summary>
    [Fact]
    public async Task Imagine_KoreanWithALocalTranslationModel_TranslatedHereAndTheEncoderReadsTheEnglish()
    {
        _openai.Translations["あかいきつね"] = "a red fox";
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: RunningBot.TinyOnnx(
            ("Backends:OpenAI:ApiKey", FakeOpenAI.Key),
            ("Backends:OpenAI:Endpoint", _openai.Endpoint.ToString()),
            ("Translation:Models:ko", OnnxTestAssets.Model("tiny-opus-mt-ko-en"))), withTestBackend: false);

        await bot.ImagineAsync("(빨간 여우:1.2), 눈 숲 --seed 7 --no 나무");
        var korean = await bot.ResultAsync("**(빨간 여우:1.2), 눈 숲 --seed 7 --no 나무** - ");
        await bot.ImagineAsync("(red fox:1.2), snowy forest --seed 7 --no trees");
        var english = await bot.ResultAsync("**(red fox:1.2), snowy forest --seed 7 --no trees** - ");

        Assert.Contains("-# 모델용 번역: (red fox:1.2), snowy forest (--no trees)", korean.Content, StringComparison.Ordinal);
        Assert.Equal(Pixels(english), Pixels(korean));
        Assert.Empty(_openai.Chats);

        await bot.ImagineAsync("あかいきつね --seed 7");
        var japanese = await bot.ResultAsync("**あかいきつね --seed 7** - ");
        Assert.Contains("-# 모델용 번역: a red fox", japanese.Content, StringComparison.Ordinal);
        Assert.Single(_openai.Chats);
    }

    private static byte[] Pixels(DiscordEmulator.State.EmulatedMessage message) =>
        Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(message.Attachments).Content)).Image.Pixels.Pixels;

    private Task<RunningBot> StartAsync(BackendCapabilities extra)
    {
        var backend = new TestBackend.TestBackend();
        backend.Capabilities |= extra;
        return RunningBot.StartAsync(Emulator, Data.Path, backend, new Dictionary<string, string?>
        {
            ["Backends:OpenAI:ApiKey"] = FakeOpenAI.Key,
            ["Backends:OpenAI:Endpoint"] = _openai.Endpoint.ToString(),
        });
    }
}
