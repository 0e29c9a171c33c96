using System.Text.RegularExpressions;
using MjBot.Core.Localization;
using MjBot.Testing;

namespace MjBot.Core.Tests.Localization;

public sealed partial class MessageCatalogueTests
{
    private static readonly MessageCatalogue Catalogue = MessageCatalogue.Default;

    public static TheoryData<string> OtherLocales() => [.. Catalogue.Locales.Where(static l => l != MessageCatalogue.English)];

    [Fact]
    public void Locales_ShippedLanguages_EnglishKoreanJapanese() => Assert.Equal(["en", "ja", "ko"], Catalogue.Locales);

    [Theory]
    [MemberData(nameof(OtherLocales))]
    public void Entries_EveryLanguage_HasEveryEnglishKeyAndNoOther(string locale)
    {
        var english = Catalogue.Entries(MessageCatalogue.English).Keys.ToHashSet();
        var other = Catalogue.Entries(locale).Keys.ToHashSet();

        Assert.Empty(english.Except(other));
        Assert.Empty(other.Except(english));
    }

    [Theory]
    [MemberData(nameof(OtherLocales))]
    public void Entries_EveryLanguage_SamePlaceholdersAsEnglish(string locale)
    {
        var english = Catalogue.Entries(MessageCatalogue.English);
        Assert.All(Catalogue.Entries(locale), entry =>
            Assert.True(
                MessageTemplate.Placeholders(entry.Value).Order(StringComparer.Ordinal).SequenceEqual(MessageTemplate.Placeholders(english[entry.Key]).Order(StringComparer.Ordinal)),
                $"{locale} {entry.Key}: {{{string.Join("}, {", MessageTemplate.Placeholders(entry.Value))}}} vs English {{{string.Join("}, {", MessageTemplate.Placeholders(english[entry.Key]))}}}"));
    }

    [Fact]
    public void Source_EveryKeyItNames_IsInTheEnglishCatalogue()
    {
        var english = Catalogue.Entries(MessageCatalogue.English);
        var named = Directory.EnumerateFiles(RepositoryPaths.InRoot("src"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(static k => !k.Key.EndsWith('.'))
            .ToList();

        Assert.True(named.Count > 60, $"only {named.Count} keys found in the source");
        Assert.All(named, k => Assert.True(english.ContainsKey(k.Key), $"{k.File} names \"{k.Key}\", which en.json lacks"));
    }

    [Fact]
    public void Text_KeyMissingInALanguage_FallsBackToEnglishAndIsRecorded()
    {
        var catalogue = MessageCatalogue.FromEntries(new()
        {
            ["en"] = new Dictionary<string, string> { ["a"] = "A {n}", ["b"] = "B" },
            ["ko"] = new Dictionary<string, string> { ["a"] = "에이 {n}" },
        });

        Assert.Equal("에이 1", catalogue.For("ko").Text("a", ("n", 1)));
        Assert.Empty(catalogue.Fallbacks);
        Assert.Equal("B", catalogue.For("ko").Text("b"));
        Assert.True(catalogue.Fallbacks.ContainsKey(("ko", "b")));
        Assert.Equal("B", catalogue.For("pt-BR").Text("b"));
        Assert.Single(catalogue.Fallbacks);
    }

    [Theory]
    [InlineData("ko", "ko")]
    [InlineData("ja", "ja")]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("zh-TW", "en")]
    [InlineData(null, "en")]
    public void Resolve_DiscordLocale_CatalogueLanguage(string? discord, string expected) => Assert.Equal(expected, Catalogue.Resolve(discord));

    [Fact]
    public void Text_Placeholders_FilledWithNumbersInTheLanguagesCulture()
    {
        Assert.Equal("이 프롬프트는 작업 14개를 만듭니다(순열 × --repeat). 명령 하나에 13개까지입니다", Catalogue.For("ko").Text("prompt.too_many_jobs", ("count", 14), ("limit", 13)));
        Assert.Equal("1,234", MessageTemplate.Fill("{n:N0}", MessageCatalogue.Culture("ko"), [("n", 1234)]));
        Assert.Equal("{missing} and {{", MessageTemplate.Fill("{missing} and {{{{", MessageCatalogue.Culture("en"), []));
    }

    [Fact]
    public void Text_UnknownKey_Throws() => Assert.Throws<KeyNotFoundException>(() => Catalogue.For("ko").Text("no.such.key"));

    [GeneratedRegex("\"((?:prompt|job|button|reply|command|choice|moderation|info|translation|failure|notice|link|treatment|audit|desk)\\.[a-z0-9_.\\-]+)\"")]
    private static partial Regex KeyLiteral();
}
