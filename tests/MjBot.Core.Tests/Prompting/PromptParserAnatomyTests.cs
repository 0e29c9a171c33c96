using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class PromptParserAnatomyTests
{
    [Fact]
    public void Parse_TextThenParameters_SplitsThem()
    {
        var job = ParseAssert.Single("a red fox in snow --ar 16:9 --s 250 --no trees");

        Assert.Equal("a red fox in snow", job.Prompt);
        Assert.Equal(new AspectRatio(16, 9), job.Parameters.Aspect);
        Assert.Equal(250, job.Parameters.Stylize);
        Assert.Equal(["trees"], job.Parameters.No.ToArray());
    }

    [Fact]
    public void Parse_EmDash_StartsAParameter()
    {
        var job = ParseAssert.Single("a red fox —ar 16:9 —s 1000");

        Assert.Equal("a red fox", job.Prompt);
        Assert.Equal(1000, job.Parameters.Stylize);
    }

    [Fact]
    public void Parse_EnDash_IsNotAParameterAndIsReportedAfterParameters()
    {
        // The real case from the reference: `… —ar 16:9 —s 1000 –v 5` → "Unrecognized parameter(s): –v, 5".
        var error = ParseAssert.Fails("a cat —ar 16:9 —s 1000 –v 5", PromptErrorCode.UnknownParameter);

        Assert.Equal("Unrecognized parameter(s): `–v`, `5`", error.Message);
    }

    [Theory]
    [InlineData("a well-lit -ar room", "a well-lit -ar room")]
    [InlineData("a cat — sleeping", "a cat — sleeping")]
    [InlineData("a cat—dog hybrid", "a cat—dog hybrid")] // PROJECT: a glued em dash is punctuation
    [InlineData("count down 3 -- 2 -- 1", "count down 3 -- 2 -- 1")]
    [InlineData("a  cat\t\n in   a hat ", "a cat in a hat")]
    public void Parse_HyphensAndDashesThatStartNoParameter_StayInTheText(string prompt, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single(prompt).Prompt);
    }

    [Fact]
    public void Parse_DoubleHyphenGluedToAWord_StillStartsAParameter()
    {
        var error = ParseAssert.Fails("robot--v 7 abc--chaos 20--seed 123", PromptErrorCode.UnknownParameter);

        Assert.Equal("Unrecognized parameter(s): `abc`", error.Message);
        Assert.Equal(11, error.Position);
    }

    [Fact]
    public void Parse_ExtraSpacesBetweenTokens_AreNotSignificant()
    {
        var job = ParseAssert.Single("cat  --v  7  --ar  16:9");

        Assert.Equal("7", job.Parameters.Version);
        Assert.Equal("16:9", job.Parameters.Aspect.ToString());
    }

    [Theory]
    [InlineData("cat --foo", "Unrecognized parameter(s): `--foo`")]
    [InlineData("cat --AR 16:9", "Unrecognized parameter(s): `--AR` (parameter names are lower case)")]
    [InlineData("cat --ar16:9", "Unrecognized parameter(s): `--ar16:9`")]
    [InlineData("cat --hq --ar 1:1", "Unrecognized parameter(s): `--hq`")]
    [InlineData("cat --width 512", "Unrecognized parameter(s): `--width`")]
    [InlineData("cat --neg dogs", "Unrecognized parameter(s): `--neg`")]
    [InlineData("robot --v 7 abc --chaos 20", "Unrecognized parameter(s): `abc`")]
    [InlineData("--ar 16:9 a red fox", "Unrecognized parameter(s): `a`, `red`, `fox`")]
    [InlineData("cat --s 100 big --foo", "Unrecognized parameter(s): `big`, `--foo`")]
    public void Parse_UnknownNamesAndLeftoverWords_AreListedTogether(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.UnknownParameter).Message);
    }

    [Theory]
    [InlineData("cat --ar", "--ar needs a value")]
    [InlineData("cat --s --ar 1:1", "--s needs a value")]
    [InlineData("cat --no", "--no needs a value")]
    [InlineData("cat --sref", "--sref needs a value")]
    [InlineData("cat —seed", "—seed needs a value")]
    public void Parse_ParameterWithoutItsValue_IsMissingValue(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.MissingValue).Message);
    }

    [Theory]
    [InlineData("cat --ar 1:1 --ar 2:3", "--ar given twice")]
    [InlineData("cat --ar 1:1 --aspect 2:3", "--aspect given twice (as --ar and --aspect); keep one")]
    [InlineData("cat --s 1 --stylize 2", "--stylize given twice (as --s and --stylize); keep one")]
    [InlineData("cat --seed 1 --seed 2", "--seed given twice")]
    [InlineData("cat --seed 1 --sameseed 2", "--sameseed given twice (as --seed and --sameseed); keep one")]
    [InlineData("cat --fast --relax", "--relax given twice (as --fast and --relax); keep one")]
    [InlineData("cat --stealth --public", "--public given twice (as --stealth and --public); keep one")]
    [InlineData("cat --style raw --raw", "--raw given twice (as --style and --raw); keep one")]
    [InlineData("cat --tile --tile", "--tile given twice")]
    [InlineData("cat —ar 1:1 --ar 1:1", "--ar given twice (as —ar and --ar); keep one")]
    public void Parse_RepeatedParameter_IsDuplicate(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.DuplicateParameter).Message);
    }

    [Fact]
    public void Parse_PromptOfOneEmoji_IsValid()
    {
        Assert.Equal("🦊", ParseAssert.Single("🦊").Prompt);
    }

    [Theory]
    [InlineData("", "The prompt is empty: describe the image you want")]
    [InlineData("   ", "The prompt is empty: describe the image you want")]
    [InlineData("--ar 16:9", "The prompt is empty: describe the image you want")]
    [InlineData("https://cdn.example.com/a.png", "A single image prompt can't stand alone: add a text prompt or another image prompt")]
    [InlineData("https://cdn.example.com/a.png --ar 1:1", "A single image prompt can't stand alone: add a text prompt or another image prompt")]
    public void Parse_NothingToDraw_IsEmptyPrompt(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.EmptyPrompt).Message);
    }

    [Fact]
    public void Parse_NullPrompt_IsEmptyPrompt()
    {
        var result = Assert.IsType<PromptParseResult.Failure>(PromptParser.Parse(null));

        Assert.Equal(PromptErrorCode.EmptyPrompt, result.Error.Code);
    }

    [Fact]
    public void Parse_TwoImagePromptsWithoutText_IsABlend()
    {
        var job = ParseAssert.Single("https://cdn.example.com/a.png https://cdn.example.com/b.jpg");

        Assert.Equal(string.Empty, job.Prompt);
        Assert.Equal(2, job.ImagePrompts.Length);
    }

    [Fact]
    public void Parse_ImagePromptsWithWeightsAndDiscordQuery_AreKeptInOrder()
    {
        var job = ParseAssert.Single(
            "https://cdn.discordapp.com/attachments/1/2/fox.PNG?ex=65&is=66&hm=ab::4 https://b.example.com/b.webp a fox --iw 0.5");

        Assert.Equal(
            [new ImagePrompt("https://cdn.discordapp.com/attachments/1/2/fox.PNG?ex=65&is=66&hm=ab", 4), new ImagePrompt("https://b.example.com/b.webp", null)],
            job.ImagePrompts.ToArray());
        Assert.Equal("a fox", job.Prompt);
        Assert.Equal(0.5, job.Parameters.ImageWeight);
    }

    [Theory]
    [InlineData("https://example.com/page a cat", "Invalid link: `https://example.com/page` is not a direct image link (the address must end in .png, .jpg, .jpeg, .gif or .webp)")]
    [InlineData("https://example.com/a.exe?name=a.png a cat", "Invalid link: `https://example.com/a.exe?name=a.png` is not a direct image link (the address must end in .png, .jpg, .jpeg, .gif or .webp)")]
    [InlineData("https:// a cat", "Invalid link: `https://` is not an image link with an optional ::weight")]
    [InlineData("http://[::1/a.png a cat", "Invalid link: `http://[::1/a.png` is not an image link with an optional ::weight")]
    [InlineData("http://exa%mple.com/a.png a cat", "Invalid link: `http://exa%mple.com/a.png` is not a valid http(s) address")]
    public void Parse_LeadingLinkThatIsNotAnImage_IsInvalidLink(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.InvalidLink).Message);
    }

    [Fact]
    public void Parse_ImageLinkWhoseQueryLooksOdd_IsJudgedByItsPath()
    {
        Assert.Equal("https://example.com/a.png?x=.exe", ParseAssert.Single("https://example.com/a.png?x=.exe a cat").ImagePrompts[0].Url);
    }

    [Fact]
    public void Parse_NegativeImageWeight_IsInvalidWeights()
    {
        ParseAssert.Fails("https://a.io/a.png::-1 a cat", PromptErrorCode.InvalidWeights);
    }

    [Fact]
    public void Parse_LinkInsideTheText_StaysText()
    {
        Assert.Equal("a cat like https://a.io/a.png", ParseAssert.Single("a cat like https://a.io/a.png").Prompt);
    }

    [Fact]
    public void Parse_PromptOverTheLimit_IsPromptTooLong()
    {
        var error = ParseAssert.Fails(new string('a', 6001), PromptErrorCode.PromptTooLong);

        Assert.Equal("The prompt is 6001 characters long; the limit is 6000", error.Message);
        ParseAssert.Single(new string('a', 6000));
    }
}
