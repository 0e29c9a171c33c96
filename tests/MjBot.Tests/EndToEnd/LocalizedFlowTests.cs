using System.Text.Json.Nodes;
using MjBot.Core.Localization;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;

namespace MjBot.Tests.EndToEnd;

/// <summary>A server and its members in Korean or Japanese, end to end through the emulator: the ephemeral refusal in
/// the member's language, the result and its buttons in the server's, and not one sentence taken from English.</summary>
public sealed class LocalizedFlowTests : EmulatorTest
{
    [Theory]
    [InlineData("ko", "**잘못된 매개변수**\n잘못된 화면비 `wide`", "이미지 #1", "업스케일 (약하게)")]
    [InlineData("ja", "**無効なパラメーター**\n無効なアスペクト比 `wide`", "画像 #1", "アップスケール (控えめ)")]
    public async Task Imagine_ServerAndMemberInTheirLanguage_EverySentenceFromTheirCatalogue(string locale, string refusal, string selected, string upscale)
    {
        Emulator.Locale = locale;
        Emulator.GuildLocale = locale;
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var refused = await bot.ImagineAsync("a fox --ar wide");
        await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await bot.ImagineAsync("a fox in snow");
        var grid = await bot.ResultAsync("**a fox in snow** - ");
        var image = await bot.SelectAsync(grid, 1);

        Assert.StartsWith(refusal, refused.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(selected, image.Content, StringComparison.Ordinal);
        Assert.Contains(upscale, image.Components!.SelectMany(static row => row!["components"]!.AsArray()).Select(static b => b!["label"]?.GetValue<string>()));
        Assert.DoesNotContain(MessageCatalogue.Default.Fallbacks.Keys, k => k.Locale == locale);
    }

    [Theory]
    [InlineData("ko", "**내 정보**", "**내 설정**", "리믹스 모드")]
    [InlineData("ja", "**あなたの情報**", "**あなたの設定**", "リミックスモード")]
    public async Task InfoAndSettings_MemberInTheirLanguage_FromTheirCatalogue(string locale, string info, string settings, string remix)
    {
        Emulator.Locale = locale;
        Emulator.GuildLocale = locale;
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var shown = await Emulator.RunSlashCommandAsync("info");
        var panel = await Emulator.RunSlashCommandAsync("settings");
        await Task.WhenAll(shown.InitialResponse, panel.InitialResponse).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith(info, shown.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith(settings, panel.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(remix, panel.ResponseData["components"]!.AsArray().SelectMany(static row => row!["components"]!.AsArray()).Select(static c => c!["label"]?.GetValue<string>()));
        Assert.DoesNotContain(MessageCatalogue.Default.Fallbacks.Keys, k => k.Locale == locale);
    }

    [Fact]
    public async Task Disallow_KoreanModerator_AddsAndTestsARuleInKorean()
    {
        Emulator.Locale = "ko";
        Emulator.GuildLocale = "ko";
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var added = await DisallowAsync("add", ("term", "칼"), ("category", "무기"));
        var caught = await DisallowAsync("test", ("prompt", "칼을 든 기사"));
        var spared = await DisallowAsync("test", ("prompt", "칼국수 한 그릇"));
        var listed = await DisallowAsync("list");
        await DisallowAsync("defaults", ("use", "off"));
        var log = await Emulator.RunSlashCommandAsync("modlog", [new JsonObject { ["name"] = "show", ["type"] = 1 }], EmulatedMember.Moderator);
        await log.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("`칼` (word, block, *무기*)를 추가했습니다.", Content(added), StringComparison.Ordinal);
        Assert.Equal("`칼` (word, block, *무기*)에 일치합니다.", Content(caught));
        Assert.Equal("일치하는 규칙이 없습니다. 프롬프트가 실행됩니다.", Content(spared));
        Assert.StartsWith("기본 목록이 **켜져** 있습니다", Content(listed), StringComparison.Ordinal);
        Assert.Contains("**disallow defaults** 끔", Content(log), StringComparison.Ordinal);
        Assert.DoesNotContain(MessageCatalogue.Default.Fallbacks.Keys, static k => k.Locale == "ko");
    }

    /// <summary>What the ONNX backend says under a result (a parameter it ignores, a model it fell back from) and why
    /// a job failed, in the server's language.</summary>
    [Fact]
    public async Task Imagine_JapaneseServerOnOnnx_NoticesAndFailureReasonsInJapanese()
    {
        Emulator.Locale = "ja";
        Emulator.GuildLocale = "ja";
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: RunningBot.TinyOnnx(("Backends:Onnx:Models:broken", Data.Path)), withTestBackend: false);

        await bot.ImagineAsync("a fox --tile --v 5");
        var grid = await bot.ResultAsync("**a fox --tile --v 5** - ");
        var failed = await bot.ImagineAsync("a fox --model broken");
        await bot.UntilAsync(() => failed.Original?.Content?.Contains("(失敗: ", StringComparison.Ordinal) == true, "the failure");

        Assert.Contains("-# --tile: ONNX のエクスポートには有効にできる循環パディングがありません", grid.Content, StringComparison.Ordinal);
        Assert.Contains("-# --v 5 用のモデルが設定されていないため tiny-sd を使いました", grid.Content, StringComparison.Ordinal);
        Assert.Contains("(失敗: モデル「broken」を開けませんでした: ", failed.Original!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageCatalogue.Default.Fallbacks.Keys, static k => k.Locale == "ja");
    }

    /// <summary>A server whose Discord language is English chooses Korean for MjBot's public messages: results and
    /// their buttons follow the choice (after a restart too), a member's own replies stay in the member's language, and
    /// choosing the Discord language again brings English back.</summary>
    [Fact]
    public async Task ModConfigLanguage_KoreanChosenOnAnEnglishServer_PublicMessagesKoreanRepliesStayTheMembers()
    {
        Emulator.Locale = "en-US";
        Emulator.GuildLocale = "en-US";
        var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        try
        {
            var chosen = await ModConfigLanguageAsync("ko");
            Assert.Contains("Public messages in: 한국어", Content(chosen), StringComparison.Ordinal);

            await bot.DisposeAsync();
            bot = await RunningBot.StartAsync(Emulator, Data.Path);
            var refused = await bot.ImagineAsync("a fox --ar wide");
            await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
            await bot.ImagineAsync("a fox in snow");
            var grid = await bot.ResultAsync("**a fox in snow** - ");
            var image = await bot.SelectAsync(grid, 1);

            Assert.StartsWith("**Invalid parameter**", refused.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("이미지 #1", image.Content, StringComparison.Ordinal);

            await ModConfigLanguageAsync("discord");
            await bot.ImagineAsync("a hare");
            var english = await bot.ResultAsync("**a hare** - ");
            Assert.Contains("Image #2", (await bot.SelectAsync(english, 2)).Content, StringComparison.Ordinal);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    private async Task<EmulatedInteraction> ModConfigLanguageAsync(string language)
    {
        var options = new JsonArray { new JsonObject { ["name"] = "language", ["type"] = 3, ["value"] = language } };
        var interaction = await Emulator.RunSlashCommandAsync("modconfig", [new JsonObject { ["name"] = "language", ["type"] = 1, ["options"] = options }], EmulatedMember.Moderator);
        await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        return interaction;
    }

    private async Task<EmulatedInteraction> DisallowAsync(string subcommand, params (string Name, string Value)[] options)
    {
        var inner = new JsonArray([.. options.Select(static o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value })]);
        var interaction = await Emulator.RunSlashCommandAsync("disallow", [new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = inner }], EmulatedMember.Moderator);
        await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        return interaction;
    }

    private static string Content(EmulatedInteraction interaction) => interaction.ResponseData!["content"]!.GetValue<string>();

    [Fact]
    public async Task Imagine_KoreanMemberOnAnEnglishServer_RefusalInKoreanResultInEnglish()
    {
        Emulator.Locale = "ko";
        Emulator.GuildLocale = "en-US";
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var refused = await bot.ImagineAsync("a fox --ar wide");
        await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await bot.ImagineAsync("a hare");
        var grid = await bot.ResultAsync("**a hare** - ");
        var image = await bot.SelectAsync(grid, 2);

        Assert.StartsWith("**잘못된 매개변수**", refused.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Image #2", image.Content, StringComparison.Ordinal);
    }
}
