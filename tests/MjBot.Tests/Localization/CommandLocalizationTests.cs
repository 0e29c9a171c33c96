using System.Text.Json;
using MjBot.Discord;
using MjBot.Discord.Commands;
using MjBot.Discord.Models;
using MjBot.Handlers;
using MjBot.Testing;

namespace MjBot.Tests.Localization;

public sealed class CommandLocalizationTests
{
    private static IEnumerable<(string Path, IReadOnlyDictionary<string, string>? Names, IReadOnlyDictionary<string, string>? Descriptions)> Everything()
    {
        foreach (var command in BotCommands.All)
        {
            yield return ($"/{command.Name}", command.NameLocalizations, command.DescriptionLocalizations);
            foreach (var option in Flatten(command.Options, $"/{command.Name}"))
            {
                yield return option;
            }
        }
    }

    private static IEnumerable<ApplicationCommandOption> AllOptions(IReadOnlyList<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(static o => AllOptions(o.Options).Prepend(o));

    private static IEnumerable<(string, IReadOnlyDictionary<string, string>?, IReadOnlyDictionary<string, string>?)> Flatten(IReadOnlyList<ApplicationCommandOption>? options, string where)
    {
        foreach (var option in options ?? [])
        {
            yield return ($"{where} {option.Name}", option.NameLocalizations, option.DescriptionLocalizations);
            foreach (var inner in Flatten(option.Options, $"{where} {option.Name}"))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public void BotCommands_EveryCommandOptionAndChoice_LocalizedInKoreanAndJapanese()
    {
        Assert.All(Everything(), item =>
        {
            Assert.True(item.Names is { } n && n.ContainsKey("ko") && n.ContainsKey("ja"), $"{item.Path} lacks a localized name");
            Assert.True(item.Descriptions is { } d && d.ContainsKey("ko") && d.ContainsKey("ja"), $"{item.Path} lacks a localized description");
        });
        var choices = BotCommands.All.SelectMany(static c => AllOptions(c.Options)).SelectMany(static o => o.Choices ?? []).ToList();
        Assert.Equal(19, choices.Count); // modes 3, actions 2, on/off 2, safety policies 3, provider moderation 2, blend dimensions 3, languages 4 (discord, en, ja, ko)
        Assert.All(choices, static c => Assert.True(c.NameLocalizations is { Count: 2 }, c.Name));
        Assert.Equal("이미지생성", BotCommands.All.Single(static c => c.Name == "imagine").NameLocalizations!["ko"]);
    }

    [Fact]
    public void BotCommands_WithLocalizations_FollowDiscordsRules()
    {
        Assert.Empty(CommandDefinitionRules.Problems(BotCommands.All));
    }

    [Fact]
    public void BotCommands_BulkOverwriteBody_ValidatesAgainstTheOpenApiDocument()
    {
        var json = JsonSerializer.Serialize(BotCommands.All, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);

        // The one known conflict between Discord's two sources (default_member_permissions as a string, as the docs
        // say; the OpenAPI request schema says integer) is pinned in MjBot.Discord.Tests; everything else validates.
        Assert.All(OpenApiValidator.Problems("bulk_set_application_commands", json), p => Assert.Contains("default_member_permissions", p, StringComparison.Ordinal));
        Assert.Contains("\"name_localizations\":{\"ja\":\"画像生成\",\"ko\":\"이미지생성\"}", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Imagine", "must be lower case")]
    [InlineData("two words", "no spaces")]
    [InlineData("", "1 to 32")]
    public void Problems_BadLocalizedName_Named(string name, string expected)
    {
        var command = new ApplicationCommand("imagine", "Create images") { NameLocalizations = new Dictionary<string, string> { ["ko"] = name } };

        Assert.Contains(CommandDefinitionRules.Problems([command]), p => p.Contains(expected, StringComparison.Ordinal) && p.Contains("in ko", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownLocaleAndLongDescription_Named()
    {
        var command = new ApplicationCommand("imagine", new string('x', 101)) { DescriptionLocalizations = new Dictionary<string, string> { ["kr"] = "이미지" } };

        var problems = CommandDefinitionRules.Problems([command]);

        Assert.Contains(problems, static p => p.Contains("\"kr\" is not a Discord locale", StringComparison.Ordinal));
        Assert.Contains(problems, static p => p.Contains("description must be 1 to 100 characters, not 101", StringComparison.Ordinal));
    }
}
