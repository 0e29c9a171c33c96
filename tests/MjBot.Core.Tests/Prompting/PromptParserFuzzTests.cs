using MjBot.Core.Prompting;
using Xunit.Abstractions;

namespace MjBot.Core.Tests.Prompting;

/// <summary>Mutation fuzzing from a corpus of realistic prompts: every mutant must give a well-formed result.</summary>
public sealed class PromptParserFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 120_000;

    private static readonly string[] Corpus =
    [
        "a red fox in snow --ar 16:9 --s 250 --no trees",
        "https://cdn.discordapp.com/a/1/x.png::2 https://b.io/y.jpg a castle --iw 1.5 --sref 123::2 random",
        "A {sculpture, painting} of a {seagull {on a pier, on a beach}, poodle {on a sofa, in a truck}}.",
        "space::2 ship:: sky::-0.5 --v 6 --stylize 1000 --chaos 20 --q .5",
        @"{red, pastel \, yellow} bird --r 3 —ar 2:3 —tile",
        "robot--v 7 abc--chaos 20--seed 123 --niji --style raw --cref https://a.io/c.png --cw 50",
        "portrait --oref https://a.io/o.webp --ow 300 --exp 25 --weird 900 --p m1 m2 --draft --turbo --stealth",
        "cat --steps 30 --cfg 7.5 --sampler dpmpp_2m_karras --model sd15 --seed 4294967295 --sameseed",
    ];

    private static readonly string[] Pieces =
        ["--", "—", "–", "::", "{", "}", ",", @"\,", " ", "https://", ".png", ":", "-", "0", "9", ".5", "--ar", "--no", "--v 7", "{a,b}", "\u0000", "🦊", "\u200b"];

    [Fact]
    public void Parse_MutatedPrompts_AlwaysGiveAWellFormedResult()
    {
        var random = new Random(20261122);
        var failures = 0;
        var successes = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var prompt = Mutate(Corpus[random.Next(Corpus.Length)], random, 1 + random.Next(6));

            var result = PromptParser.Parse(prompt);

            Assert.True(PromptParserPropertyTests.IsWellFormed(prompt, result), $"Ill-formed result for `{prompt}`: {result}");
            _ = result is PromptParseResult.Success ? successes++ : failures++;
        }

        output.WriteLine($"{Iterations} mutants: {successes} parsed, {failures} refused");
        Assert.True(successes > Iterations / 20 && failures > Iterations / 20, "the mutants should exercise both outcomes");
    }

    [Fact]
    public void Parse_RandomUnicode_AlwaysGivesAWellFormedResult()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 0x3000);
            }

            var prompt = new string(chars);
            Assert.True(PromptParserPropertyTests.IsWellFormed(prompt, PromptParser.Parse(prompt)), prompt);
        }
    }

    [Fact]
    public void Parse_OneMegabyteOfText_IsRefusedAsTooLong()
    {
        var prompt = string.Concat(Enumerable.Repeat("a {b, c}::2 --ar 1:1 ", 50_000));

        Assert.Equal(PromptErrorCode.PromptTooLong, Assert.IsType<PromptParseResult.Failure>(PromptParser.Parse(prompt)).Error.Code);
    }

    [Fact]
    public void Parse_OneMegabyteWithTheLimitLifted_StillFinishes()
    {
        var options = new PromptParserOptions { MaxLength = int.MaxValue };
        var words = string.Concat(Enumerable.Repeat("a misty::2 harbour {at dawn} with boats, ", 25_000));

        var result = PromptParser.Parse(words + " --ar 16:9 --no fog", options);

        Assert.True(PromptParserPropertyTests.IsWellFormed(words, result));
    }

    private static string Mutate(string seed, Random random, int edits)
    {
        var text = new System.Text.StringBuilder(seed);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(1 + random.Next(8), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 2 when text.Length > 0:
                    var start = random.Next(text.Length);
                    var length = Math.Min(1 + random.Next(12), text.Length - start);
                    text.Insert(at, text.ToString(start, length));
                    break;
                case 3:
                    text.Insert(at, (char)random.Next(32, 0x2100));
                    break;
                default:
                    var nest = random.Next(1, 40);
                    text.Insert(at, new string('{', nest) + "x" + new string('}', random.Next(0, nest + 2)));
                    break;
            }
        }

        return text.ToString();
    }
}
