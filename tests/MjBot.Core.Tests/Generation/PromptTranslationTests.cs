using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Generation;

public sealed class PromptTranslationTests
{
    private const BackendCapabilities EnglishOnly = BackendCapabilities.EnglishOnly | BackendCapabilities.Previews;

    private readonly DictionaryTranslator _translator = new(new()
    {
        ["칼을 든 기사"] = "a knight holding a sword",
        ["눈 속의 여우"] = "a fox in the snow",
        ["나무"] = "trees",
        ["ゆきのきつね"] = "a snow fox",
    });

    private static GenerationRequest Request(string prompt) =>
        new(JobKind.Imagine, Assert.IsType<PromptParseResult.Success>(PromptParser.Parse(prompt)).Jobs[0], 1, null, null);

    [Fact]
    public async Task ApplyAsync_KoreanPromptAndNo_BothTranslatedInOneCallParametersKept()
    {
        var (request, translated, untranslated) = await new PromptTranslation([_translator]).ApplyAsync(Request("칼을 든 기사 --ar 16:9 --no 나무"), EnglishOnly, CancellationToken.None);

        Assert.Equal("a knight holding a sword", request.Request.Prompt);
        Assert.Equal(["trees"], request.Request.NegativeTerms.ToArray());
        Assert.Equal((16, 9), (request.Request.Parameters.Aspect!.Value.Width, request.Request.Parameters.Aspect.Value.Height));
        Assert.Equal("a knight holding a sword", translated!.Prompt);
        Assert.Equal(["trees"], translated.NegativeTerms);
        Assert.Equal([["칼을 든 기사", "나무"]], _translator.Calls);
        Assert.False(untranslated);
    }

    [Fact]
    public async Task ApplyAsync_MultiPrompt_EachSegmentTranslatedItsWeightKept()
    {
        var (request, _, _) = await new PromptTranslation([_translator]).ApplyAsync(Request("눈 속의 여우::2 ゆきのきつね::1"), EnglishOnly, CancellationToken.None);

        Assert.Equal([("a fox in the snow", 2.0), ("a snow fox", 1.0)], request.Request.MultiPrompt.Select(static s => (s.Text, s.Weight)));
        Assert.Equal("a fox in the snow::2 a snow fox::1", request.Request.Prompt);
    }

    [Theory]
    [InlineData("a red fox in snow", true)] // English already
    [InlineData("une forêt enneigée", true)] // Latin script: left as typed
    [InlineData("칼을 든 기사", false)] // a backend that reads every language
    public async Task ApplyAsync_NothingToTranslate_RequestUntouchedAndNoCall(string prompt, bool englishOnly)
    {
        var original = Request(prompt);

        var (request, translated, _) = await new PromptTranslation([_translator]).ApplyAsync(original, englishOnly ? EnglishOnly : BackendCapabilities.Previews, CancellationToken.None);

        Assert.Same(original, request);
        Assert.Null(translated);
        Assert.Empty(_translator.Calls);
    }

    [Fact]
    public async Task ApplyAsync_NoTranslator_RequestUntouched()
    {
        var translation = new PromptTranslation([]);

        var (request, translated, untranslated) = await translation.ApplyAsync(Request("칼을 든 기사"), EnglishOnly, CancellationToken.None);

        Assert.False(translation.Available);
        Assert.Equal("칼을 든 기사", request.Request.Prompt);
        Assert.Null(translated);
        Assert.True(untranslated);
    }

    [Fact]
    public async Task ApplyAsync_LocalAndHostedTranslators_LocalAskedForItsLanguageHostedForTheRest()
    {
        var hosted = new DictionaryTranslator(new() { ["ゆきのきつね"] = "a snow fox from the chat model" });
        var local = new DictionaryTranslator(new() { ["눈 속의 여우"] = "a fox in the snow" }) { RunsLocally = true, Languages = new HashSet<string> { "ko" } };

        var (request, translated, untranslated) = await new PromptTranslation([hosted, local]).ApplyAsync(Request("눈 속의 여우::2 ゆきのきつね::1"), EnglishOnly, CancellationToken.None);

        Assert.Equal("a fox in the snow::2 a snow fox from the chat model::1", request.Request.Prompt);
        Assert.Equal("a fox in the snow::2 a snow fox from the chat model::1", translated!.Prompt);
        Assert.False(untranslated);
        Assert.Equal([["눈 속의 여우"]], local.Calls);
        Assert.Equal([["ゆきのきつね"]], hosted.Calls);
    }

    [Fact]
    public async Task ApplyAsync_LocalTranslatorFails_TheChatModelTranslatesInstead()
    {
        var hosted = new DictionaryTranslator(new() { ["눈 속의 여우"] = "a fox in the snow" });
        var broken = new DictionaryTranslator([]) { RunsLocally = true, Languages = new HashSet<string> { "ko" }, Fails = true };

        var (request, _, _) = await new PromptTranslation([hosted, broken]).ApplyAsync(Request("눈 속의 여우"), EnglishOnly, CancellationToken.None);

        Assert.Equal("a fox in the snow", request.Request.Prompt);
        Assert.Single(broken.Calls);
    }

    [Fact]
    public async Task ApplyAsync_OnlyTranslatorFails_TheFailureIsTheJobs()
    {
        var broken = new DictionaryTranslator([]) { RunsLocally = true, Fails = true };

        var ex = await Assert.ThrowsAsync<GenerationException>(() => new PromptTranslation([broken]).ApplyAsync(Request("눈 속의 여우"), EnglishOnly, CancellationToken.None));

        Assert.Equal("failure.translation_model_unopened", ex.Reason.Key);
    }

    [Fact]
    public async Task ApplyAsync_NoTranslatorReadsOnePart_OthersTranslatedThatOneKeptAndReported()
    {
        var local = new DictionaryTranslator(new() { ["나무"] = "trees" }) { RunsLocally = true, Languages = new HashSet<string> { "ko" } };

        var (request, translated, untranslated) = await new PromptTranslation([local]).ApplyAsync(Request("ゆきのきつね --no 나무"), EnglishOnly, CancellationToken.None);

        Assert.Equal("ゆきのきつね", request.Request.Prompt);
        Assert.Equal(["trees"], request.Request.NegativeTerms.ToArray());
        Assert.Equal(["trees"], translated!.NegativeTerms);
        Assert.True(untranslated);
        Assert.Equal([["나무"]], local.Calls);
    }

    [Fact]
    public async Task ApplyAsync_AnswerShort_RetryableFailure()
    {
        var shortAnswer = new DictionaryTranslator([]) { Drop = 1 };

        var ex = await Assert.ThrowsAsync<GenerationException>(() => new PromptTranslation([shortAnswer]).ApplyAsync(Request("칼을 든 기사 --no 나무"), EnglishOnly, CancellationToken.None));

        Assert.True(ex.Retryable);
    }

    [Theory]
    [InlineData("칼을 든 기사", true)]
    [InlineData("ヌードの女性", true)]
    [InlineData("крепость", true)]
    [InlineData("Ça, c'est une forêt", false)]
    [InlineData("Tiếng Việt phở", false)]
    [InlineData("a fox 4k --ar 16:9", false)]
    public void NeedsTranslation_ByScript(string text, bool expected) => Assert.Equal(expected, PromptScript.NeedsTranslation(text));

    [Theory]
    [InlineData("칼을 든 기사", "ko")]
    [InlineData("漢字と한글", "ko")]
    [InlineData("ヌードの女性", "ja")]
    [InlineData("ｷﾂﾈ", "ja")]
    [InlineData("红色的狐狸", "zh")]
    [InlineData("крепость 4k", "ru")]
    [InlineData("ქართული", "mul")]
    [InlineData("a fox, Ça", null)]
    public void LanguageOf_ByScript(string text, string? expected) => Assert.Equal(expected, PromptScript.LanguageOf(text));
}
