using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class PermutationTests
{
    [Fact]
    public void Parse_OneGroup_MakesOneJobPerOption()
    {
        var success = ParseAssert.Succeeds("a {red, green, yellow} bird");

        Assert.Equal(["a red bird", "a green bird", "a yellow bird"], success.Permutations.ToArray());
        Assert.Equal(["a red bird", "a green bird", "a yellow bird"], success.Jobs.Select(static j => j.Prompt));
    }

    [Fact]
    public void Parse_PermutationsTimesRepeat_EachJobKnowsItsOwnPrompt()
    {
        var typed = "{a red bird --r 2, a blue bird --r 3}";
        var success = ParseAssert.Succeeds(typed);

        Assert.Equal(5, success.Jobs.Length);
        Assert.Equal([0, 0, 1, 1, 1], success.PermutationOfJob.ToArray());
        Assert.Equal(
            ["a red bird --r 2", "a red bird --r 2", "a blue bird --r 3", "a blue bird --r 3", "a blue bird --r 3"],
            Enumerable.Range(0, 5).Select(i => success.PromptOfJob(i, typed)));
        Assert.Equal(["a red bird", "a red bird", "a blue bird", "a blue bird", "a blue bird"], success.Jobs.Select(static j => j.Prompt));
    }

    [Fact]
    public void PromptOfJob_NoBraces_TheTypedPromptForEveryRepeat()
    {
        var typed = "a  bird --r 3";
        var success = ParseAssert.Succeeds(typed);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(typed, success.PromptOfJob(i, typed)));
    }

    [Fact]
    public void Parse_TooManyJobsWithAReason_TheSentenceSaysWhy()
    {
        var options = new PromptParserOptions { MaxJobsPerCommand = 13, QueueRunning = 3, QueueWaiting = 10 };

        var failure = Assert.IsType<PromptParseResult.Failure>(PromptParser.Parse("cat --r 14", options));

        Assert.Equal(PromptErrorCode.TooManyJobs, failure.Error.Code);
        Assert.Equal("This prompt makes 14 jobs (permutations × --repeat); the limit is 13 per command (your queue holds 13 jobs: 3 running and 10 waiting)", failure.Error.Message);
    }

    [Fact]
    public void Parse_TwoGroups_LeftmostVariesSlowest()
    {
        var success = ParseAssert.Succeeds("a {red, green} bird in the {jungle, desert}");

        Assert.Equal(
            ["a red bird in the jungle", "a red bird in the desert", "a green bird in the jungle", "a green bird in the desert"],
            success.Permutations.ToArray());
    }

    [Fact]
    public void Parse_NestedGroups_FollowTheDocumentedOrder()
    {
        var success = ParseAssert.Succeeds(
            "A {sculpture, painting} of a {seagull {on a pier, on a beach}, poodle {on a sofa, in a truck}}.");

        Assert.Equal(
        [
            "A sculpture of a seagull on a pier.", "A sculpture of a seagull on a beach.",
            "A sculpture of a poodle on a sofa.", "A sculpture of a poodle in a truck.",
            "A painting of a seagull on a pier.", "A painting of a seagull on a beach.",
            "A painting of a poodle on a sofa.", "A painting of a poodle in a truck.",
        ], success.Permutations.ToArray());
    }

    [Fact]
    public void Parse_EscapedComma_IsLiteralAndDropsTheSpaceBeforeIt()
    {
        // PROJECT: reproduces the documented `{red, pastel \, yellow} bird` → `pastel, yellow bird`.
        var success = ParseAssert.Succeeds(@"{red, pastel \, yellow} bird");

        Assert.Equal(["red bird", "pastel, yellow bird"], success.Permutations.ToArray());
    }

    [Fact]
    public void Parse_EscapedBraces_AreLiteral()
    {
        Assert.Equal("a {curly} sign", ParseAssert.Single(@"a \{curly\} sign").Prompt);
    }

    [Theory]
    [InlineData("--ar {3:2, 1:1}", new[] { "3:2", "1:1" })]
    [InlineData("--{ar 3:2, aspect 1:1}", new[] { "3:2", "1:1" })]
    public void Parse_GroupsInParameters_Expand(string parameters, string[] aspects)
    {
        var success = ParseAssert.Succeeds($"a cat {parameters}");

        Assert.Equal(aspects, success.Jobs.Select(static j => j.Parameters.Aspect.ToString()));
    }

    [Fact]
    public void Parse_VersionPermutation_ExpandsAsDocumented()
    {
        var success = ParseAssert.Succeeds("a cat --{v 5, niji}");

        Assert.Equal(["a cat --v 5", "a cat --niji"], success.Permutations.ToArray());
        Assert.Equal("5", success.Jobs[0].Parameters.Version);
        Assert.Equal("latest", success.Jobs[1].Parameters.Niji);
    }

    [Fact]
    public void Parse_GroupInAnImageLink_Expands()
    {
        var success = ParseAssert.Succeeds("https://a.io/{fox, owl}.png a forest");

        Assert.Equal(["https://a.io/fox.png", "https://a.io/owl.png"], success.Jobs.Select(static j => j.ImagePrompts[0].Url));
    }

    [Fact]
    public void Parse_PermutationsTimesRepeat_MakesThatManyJobs()
    {
        var success = ParseAssert.Succeeds("a {red, green} bird --r 3");

        Assert.Equal(2, success.Permutations.Length);
        Assert.Equal(6, success.Jobs.Length);
        Assert.Equal(["a red bird", "a red bird", "a red bird", "a green bird", "a green bird", "a green bird"], success.Jobs.Select(static j => j.Prompt));
    }

    [Theory]
    [InlineData("{a,b,c,d,e,f,g} {a,b,c,d,e,f,g}", "This prompt expands to more than 40 jobs; the limit is 40 per command")]
    [InlineData("a {red, green} bird --r 21", "This prompt makes 42 jobs (permutations × --repeat); the limit is 40 per command")]
    [InlineData("a {x, y} bird --r {20, 21}", "This prompt makes 82 jobs (permutations × --repeat); the limit is 40 per command")]
    public void Parse_OverTheJobCap_IsTooManyJobs(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.TooManyJobs).Message);
    }

    [Fact]
    public void Parse_JobCapFromOptions_IsHonoured()
    {
        var options = new PromptParserOptions { MaxJobsPerCommand = 4 };

        ParseAssert.Succeeds("{a,b} {c,d}", options);
        ParseAssert.Fails("{a,b,c,d,e} cat", PromptErrorCode.TooManyJobs, options);
        ParseAssert.Fails("cat --r 5", PromptErrorCode.TooManyJobs, options);
    }

    [Fact]
    public void Parse_OneBadExpansion_RejectsTheCommandAndNamesIt()
    {
        var error = ParseAssert.Fails("a cat --s {100, 5000000}", PromptErrorCode.OutOfRange);

        Assert.Equal("In `a cat --s 5000000`: --stylize must be between 0 and 60000", error.Message);
    }

    [Theory]
    [InlineData("a {b", "a {b")]
    [InlineData("a } b", "a } b")]
    [InlineData("a {b, c", "a {b, c")]
    [InlineData("{}", "")]
    public void Parse_UnpairedBraces_AreLiteralText(string prompt, string expected)
    {
        // PROJECT: a brace that does not pair up is text; `{}` is one empty option.
        var result = PromptParser.Parse(prompt);

        if (expected.Length == 0)
        {
            Assert.Equal(PromptErrorCode.EmptyPrompt, Assert.IsType<PromptParseResult.Failure>(result).Error.Code);
            return;
        }

        Assert.Equal(expected, Assert.IsType<PromptParseResult.Success>(result).Jobs.Single().Prompt);
    }

    [Fact]
    public void Parse_ThousandDeepBraces_ExpandsWithoutRecursion()
    {
        var prompt = new string('{', 1000) + "fox" + new string('}', 1000) + " in snow";

        Assert.Equal("fox in snow", ParseAssert.Single(prompt).Prompt);
    }

    [Fact]
    public void Parse_DeepBracesAtTheLengthLimit_FinishWithinLimits()
    {
        var prompt = new string('{', 2999) + "ab" + new string('}', 2999);

        Assert.Equal("ab", ParseAssert.Single(prompt).Prompt);
    }

    [Fact]
    public void Parse_ManyOptionsDeepInside_StopsAtTheCap()
    {
        var prompt = "{" + string.Join(',', Enumerable.Repeat("a", 2000)) + "}";

        ParseAssert.Fails(prompt, PromptErrorCode.TooManyJobs);
    }
}
