using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>A Korean /imagine on the real ONNX backend (tiny SD model, CPU) with the chat model translating: the text
/// encoder reads the English, which the pixels prove — the Korean prompt's grid equals, pixel for pixel, the grid of
/// its English translation with the same seed, and differs from another prompt's.</summary>
public sealed class OnnxTranslationEndToEndTests : EmulatorTest
{
    private FakeOpenAI _openai = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _openai = await FakeOpenAI.StartAsync();
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
    public async Task Imagine_KoreanPrompt_TheTextEncoderReadsItsEnglishTranslation()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?>
        {
            ["Backends:Default"] = "onnx",
            ["Backends:Onnx:ModelFolder"] = RepositoryPaths.InRoot("tests", "models"),
            ["Backends:Onnx:DefaultModel"] = "tiny-sd",
            ["Backends:Onnx:ExecutionProvider"] = "cpu",
            ["Backends:OpenAI:ApiKey"] = FakeOpenAI.Key,
            ["Backends:OpenAI:Endpoint"] = _openai.Endpoint.ToString(),
        }, withTestBackend: false);

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

    private static byte[] Pixels(DiscordEmulator.State.EmulatedMessage message) =>
        Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(message.Attachments).Content)).Image.Pixels.Pixels;
}
