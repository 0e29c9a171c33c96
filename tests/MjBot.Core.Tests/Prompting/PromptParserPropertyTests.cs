using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

/// <summary>Properties over generated prompts (FsCheck 3 core, driven from xunit; FsCheck.Xunit is not on the mirror).</summary>
public sealed class PromptParserPropertyTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(2_000).WithEndSize(300);

    private static readonly string[] Words = ["a", "red", "fox", "in", "snow", "🦊", "über", "castle", "neon", "photo", "of", "the", "sea"];

    // Characters that matter to the grammar, weighted well above their everyday frequency.
    private static readonly char[] Tricky = ['-', '—', '–', ':', '{', '}', ',', '\\', ' ', '\t', '.', '/', '0', '7', 'a', 'r', 's', 'h', 't', 'p'];

    [Fact]
    public void Parse_AnyString_ReturnsAResultWithinBounds()
    {
        var anyText = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(static s => s ?? string.Empty),
            Gen.Elements(Tricky).ArrayOf().Select(static chars => new string(chars)));

        Prop.ForAll(anyText.ToArbitrary(), static text => IsWellFormed(text, PromptParser.Parse(text))).Check(Checks);
    }

    [Fact]
    public void Parse_SameInputTwice_GivesTheSameResult()
    {
        Prop.ForAll(Gen.Elements(Tricky).ArrayOf().Select(static c => new string(c)).ToArbitrary(), static text =>
            Describe(PromptParser.Parse(text)) == Describe(PromptParser.Parse(text))).Check(Checks);
    }

    [Fact]
    public void Parse_GeneratedValidPrompt_KeepsTextAndEveryValue()
    {
        var generated =
            from words in Gen.Elements(Words).NonEmptyListOf()
            from stylize in Gen.Choose(0, 1000)
            from chaos in Gen.Choose(0, 100)
            from seed in Gen.Choose(0, int.MaxValue)
            from width in Gen.Choose(1, 50)
            from height in Gen.Choose(1, 50)
            from dash in Gen.Elements("--", "—")
            from order in Gen.Shuffle(new[] { 0, 1, 2, 3 })
            select (Text: string.Join(' ', words), Stylize: stylize, Chaos: chaos, Seed: seed, Width: width, Height: height, Dash: dash, Order: order);

        Prop.ForAll(generated.ToArbitrary(), static g =>
        {
            string[] parameters =
            [
                $"{g.Dash}s {g.Stylize}", $"{g.Dash}c {g.Chaos}", $"{g.Dash}seed {g.Seed}", $"{g.Dash}ar {g.Width}:{g.Height}",
            ];
            var prompt = g.Text + " " + string.Join(' ', g.Order.Select(i => parameters[i]));

            var job = Assert.IsType<PromptParseResult.Success>(PromptParser.Parse(prompt)).Jobs.Single();

            return job.Prompt == g.Text && job.Parameters.Stylize == g.Stylize && job.Parameters.Chaos == g.Chaos
                && job.Parameters.Seed == (uint)g.Seed && job.Parameters.Aspect == new AspectRatio(g.Width, g.Height);
        }).Check(Checks);
    }

    [Fact]
    public void Parse_PermutationGroups_MakeTheProductOfTheirSizesOrTooManyJobs()
    {
        var groups = Gen.Choose(1, 9).ListOf().Where(static l => l.Count is > 0 and <= 4);

        Prop.ForAll(groups.ToArbitrary(), static sizes =>
        {
            var prompt = string.Join(" and ", sizes.Select((size, g) => "{" + string.Join(", ", Enumerable.Range(0, size).Select(i => $"w{g}x{i}")) + "}"));
            var product = sizes.Aggregate(1L, static (a, b) => a * b);

            return PromptParser.Parse(prompt) switch
            {
                PromptParseResult.Success s => product <= 40 && s.Jobs.Length == product && s.Permutations.Distinct().Count() == product,
                PromptParseResult.Failure f => product > 40 && f.Error.Code == PromptErrorCode.TooManyJobs,
                _ => false,
            };
        }).Check(Checks);
    }

    [Fact]
    public void Parse_OutOfRangeStylize_AlwaysNamesTheRange()
    {
        Prop.ForAll(Gen.Choose(60001, int.MaxValue).ToArbitrary(), static value =>
        {
            var failure = Assert.IsType<PromptParseResult.Failure>(PromptParser.Parse($"cat --s {value.ToString(CultureInfo.InvariantCulture)}"));
            return failure.Error is { Code: PromptErrorCode.OutOfRange, Message: "--stylize must be between 0 and 60000" };
        }).Check(Checks);
    }

    internal static bool IsWellFormed(string text, PromptParseResult result) => result switch
    {
        PromptParseResult.Success s => s.Jobs.Length is > 0 and <= 40
            && s.Permutations.Length > 0
            && s.Jobs.All(static j => j.Prompt == j.Prompt.Trim() && !j.Prompt.Contains("  ", StringComparison.Ordinal)
                && (j.Prompt.Length > 0 || j.ImagePrompts.Length >= 2)),
        PromptParseResult.Failure f => f.Error.Message.Length > 0
            && Enum.IsDefined(f.Error.Code)
            && (f.Error.Position is null || (f.Error.Position >= 0 && f.Error.Position <= Math.Max(text.Length, 6000))),
        _ => false,
    };

    private static string Describe(PromptParseResult result) => result switch
    {
        PromptParseResult.Success s => string.Join('|', s.Permutations) + "#" + string.Join('|', s.Jobs.Select(static j => j.Prompt + j.Parameters)),
        PromptParseResult.Failure f => f.Error.ToString(),
        _ => string.Empty,
    };
}
