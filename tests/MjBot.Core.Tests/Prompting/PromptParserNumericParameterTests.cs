using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class PromptParserNumericParameterTests
{
    // typed name, min, max, what else the prompt needs (a dependency), how to read the value back.
    public static TheoryData<string, string, string, string> Ranges => new()
    {
        { "--stylize", "0", "60000", "" },
        { "--s", "0", "60000", "" },
        { "--chaos", "0", "100", "" },
        { "--c", "0", "100", "" },
        { "--seed", "0", "4294967295", "" },
        { "--sameseed", "0", "4294967295", "" },
        { "--sw", "0", "1000", " --sref 123" },
        { "--sv", "1", "6", "" },
        { "--cw", "0", "100", " --cref https://cdn.example.com/a.png" },
        { "--ow", "0", "1000", " --oref https://cdn.example.com/a.png" },
        { "--iw", "0", "3", "" },
        { "--weird", "0", "3000", "" },
        { "--w", "0", "3000", "" },
        { "--stop", "10", "100", "" },
        { "--repeat", "2", "40", "" },
        { "--r", "2", "40", "" },
        { "--exp", "0", "100", "" },
        { "--steps", "1", "150", "" },
        { "--cfg", "0", "30", "" },
    };

    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "--stylize", "-1", "--stylize must be between 0 and 60000" },
        { "--s", "60001", "--stylize must be between 0 and 60000" },
        { "--chaos", "101", "--chaos must be between 0 and 100" },
        { "--c", "-1", "--chaos must be between 0 and 100" },
        { "--seed", "4294967296", "--seed must be between 0 and 4294967295" },
        { "--seed", "99999999999999999999999", "--seed must be between 0 and 4294967295" },
        { "--sameseed", "4294967296", "--sameseed must be between 0 and 4294967295" },
        { "--sw", "1001", "--sw must be between 0 and 1000" },
        { "--sv", "0", "--sv must be between 1 and 6" },
        { "--sv", "7", "--sv must be between 1 and 6" },
        { "--cw", "101", "--cw must be between 0 and 100" },
        { "--ow", "1001", "--ow must be between 0 and 1000" },
        { "--iw", "-0.5", "--iw must be between 0 and 3" },
        { "--iw", "3.01", "--iw must be between 0 and 3" },
        { "--weird", "3001", "--weird must be between 0 and 3000" },
        { "--w", "-1", "--weird must be between 0 and 3000" },
        { "--stop", "9", "--stop must be between 10 and 100" },
        { "--stop", "101", "--stop must be between 10 and 100" },
        { "--repeat", "1", "--repeat must be between 2 and 40" },
        { "--r", "41", "--repeat must be between 2 and 40" },
        { "--exp", "101", "--exp must be between 0 and 100" },
        { "--steps", "0", "--steps must be between 1 and 150" },
        { "--steps", "151", "--steps must be between 1 and 150" },
        { "--cfg", "-0.1", "--cfg must be between 0 and 30" },
        { "--cfg", "30.5", "--cfg must be between 0 and 30" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Parse_ValueAtEitherEndOfRange_IsKept(string name, string min, string max, string context)
    {
        foreach (var value in new[] { min, max })
        {
            var job = ParseAssert.Succeeds($"a red fox {name} {value}{context}").Jobs[0];

            Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), ValueOf(job.Parameters, name));
        }
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Parse_ValueOutsideRange_IsOutOfRangeWithMidjourneyWording(string name, string value, string message)
    {
        var context = name switch { "--sw" => " --sref 123", "--cw" => " --cref https://x.io/a.png", "--ow" => " --oref https://x.io/a.png", _ => "" };

        var error = ParseAssert.Fails($"a red fox {name} {value}{context}", PromptErrorCode.OutOfRange);

        Assert.Equal(message, error.Message);
        Assert.Equal($"a red fox {name} ".Length, error.Position);
    }

    [Theory]
    [InlineData("--s abc", "--stylize takes a whole number, not `abc`")]
    [InlineData("--chaos 1.5", "--chaos takes a whole number, not `1.5`")]
    [InlineData("--seed 12ab", "--seed takes a whole number, not `12ab`")]
    [InlineData("--iw heavy", "--iw takes a number, not `heavy`")]
    [InlineData("--cfg 7,5", "--cfg takes a number, not `7,5`")]
    [InlineData("--q high", "--quality takes a number, not `high`")]
    [InlineData("--v seven", "--version takes a number, not `seven`")]
    public void Parse_NonNumericValue_IsInvalidValue(string parameters, string message)
    {
        var error = ParseAssert.Fails($"cat {parameters}", PromptErrorCode.InvalidValue);

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("--iw .5", 0.5)]
    [InlineData("--iw 0.25", 0.25)]
    [InlineData("--iw 2.", 2)]
    [InlineData("--cfg 7.5", 7.5)]
    [InlineData("--cfg +7", 7)]
    public void Parse_DecimalSpellings_AreAccepted(string parameters, double expected)
    {
        var job = ParseAssert.Single($"cat {parameters}");

        Assert.Equal(expected, job.Parameters.ImageWeight ?? job.Parameters.Cfg);
    }

    [Fact]
    public void Parse_SameSeedWithValue_SetsSeedAndSameSeed()
    {
        var job = ParseAssert.Single("cat --sameseed 42");

        Assert.Equal(42u, job.Parameters.Seed);
        Assert.True(job.Parameters.SameSeed);
    }

    [Fact]
    public void Parse_BareSameSeed_SetsOnlySameSeed()
    {
        var job = ParseAssert.Single("cat --seed 7 --sameseed");

        Assert.Equal(7u, job.Parameters.Seed);
        Assert.True(job.Parameters.SameSeed);
    }

    [Fact]
    public void Parse_RepeatAtMaximum_MakesThatManyJobs()
    {
        var success = ParseAssert.Succeeds("cat --r 40");

        Assert.Equal(40, success.Jobs.Length);
        Assert.Single(success.Permutations.ToArray());
    }

    private static double? ValueOf(ImagineParameters p, string name) => name switch
    {
        "--stylize" or "--s" => p.Stylize,
        "--chaos" or "--c" => p.Chaos,
        "--seed" or "--sameseed" => p.Seed,
        "--sw" => p.StyleWeight,
        "--sv" => p.StyleVersion,
        "--cw" => p.CharacterWeight,
        "--ow" => p.OmniWeight,
        "--iw" => p.ImageWeight,
        "--weird" or "--w" => p.Weird,
        "--stop" => p.Stop,
        "--repeat" or "--r" => p.Repeat,
        "--exp" => p.Exp,
        "--steps" => p.Steps,
        "--cfg" => p.Cfg,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
