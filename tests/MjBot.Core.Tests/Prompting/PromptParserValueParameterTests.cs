using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class PromptParserValueParameterTests
{
    [Theory]
    [InlineData("--ar 16:9", "16:9")]
    [InlineData("--aspect 16:9", "16:9")]
    [InlineData("--ar 1:1", "1:1")]
    [InlineData("--ar 139:100", "139:100")]
    [InlineData("--ar 1920:1080", "1920:1080")] // PROJECT: kept as typed, not reduced
    [InlineData("--ar 21:9", "21:9")]
    [InlineData("--ar 14:1", "14:1")]
    public void Parse_AspectRatio_IsKeptAsTyped(string parameters, string expected)
    {
        var job = ParseAssert.Single($"a wide valley {parameters}");

        Assert.Equal(expected, job.Parameters.Aspect.ToString());
    }

    [Theory]
    [InlineData("1.5:1")]
    [InlineData("0:1")]
    [InlineData("1:0")]
    [InlineData("16-9")]
    [InlineData("16:")]
    [InlineData(":9")]
    [InlineData("-1:2")]
    [InlineData("16:9:4")]
    [InlineData("wide")]
    [InlineData("99999999999:1")]
    public void Parse_BadAspectRatio_IsInvalidAspectRatio(string value)
    {
        var error = ParseAssert.Fails($"a valley --ar {value}", PromptErrorCode.InvalidAspectRatio);

        Assert.Contains($"`{value}`", error.Message, StringComparison.Ordinal);
        Assert.Equal("a valley --ar ".Length, error.Position);
    }

    [Theory]
    [InlineData("--v", "1", "1")]
    [InlineData("--v", "5.1", "5.1")]
    [InlineData("--v", "5.2", "5.2")]
    [InlineData("--v", "6.1", "6.1")]
    [InlineData("--version", "7", "7")]
    [InlineData("--version", "7.0", "7")]
    [InlineData("--v", "8.1", "8.1")]
    [InlineData("--v", "8.2", "8.2")]
    public void Parse_KnownVersion_IsCanonical(string name, string value, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single($"cat {name} {value}").Parameters.Version);
    }

    [Theory]
    [InlineData("8")] // removed 2026-07-24
    [InlineData("5.3")]
    [InlineData("0")]
    [InlineData("9")]
    public void Parse_UnknownVersion_IsOutOfRange(string value)
    {
        var error = ParseAssert.Fails($"cat --v {value}", PromptErrorCode.OutOfRange);

        Assert.Equal("--version must be one of 1, 2, 3, 4, 5, 5.1, 5.2, 6, 6.1, 7, 8.1, 8.2", error.Message);
    }

    [Theory]
    [InlineData("cat --niji", "latest")]
    [InlineData("cat --niji 4", "4")]
    [InlineData("cat --niji 7", "7")]
    [InlineData("cat --niji --ar 2:3", "latest")]
    public void Parse_Niji_TakesAnOptionalVersion(string prompt, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single(prompt).Parameters.Niji);
    }

    [Fact]
    public void Parse_NijiWithUnknownVersion_IsOutOfRange()
    {
        Assert.Equal("--niji must be one of 4, 5, 6, 7", ParseAssert.Fails("cat --niji 8", PromptErrorCode.OutOfRange).Message);
    }

    [Fact]
    public void Parse_NijiFollowedByAWord_ReportsTheWord()
    {
        var error = ParseAssert.Fails("cat --niji cute", PromptErrorCode.UnknownParameter);

        Assert.Equal("Unrecognized parameter(s): `cute`", error.Message);
    }

    [Theory]
    [InlineData("--style raw", "raw")]
    [InlineData("--raw", "raw")]
    [InlineData("--style cute", "cute")]
    [InlineData("--style 4a", "4a")]
    [InlineData("--style raw-abc123-def", "raw-abc123-def")]
    public void Parse_Style_IsKept(string parameters, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single($"cat {parameters}").Parameters.Style);
    }

    [Theory]
    [InlineData("--style !!")]
    [InlineData("--style raw--")]
    public void Parse_BadStyle_IsInvalidValue(string parameters)
    {
        ParseAssert.Fails($"cat {parameters}", PromptErrorCode.InvalidValue);
    }

    [Theory]
    [InlineData("--q .25", 0.25)]
    [InlineData("--q .5", 0.5)]
    [InlineData("--quality 1", 1)]
    [InlineData("--q 2", 2)]
    [InlineData("--quality 4", 4)]
    public void Parse_Quality_AcceptsTheUnionOfVersions(string parameters, double expected)
    {
        Assert.Equal(expected, ParseAssert.Single($"cat {parameters}").Parameters.Quality);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("0.75")]
    public void Parse_QualityOutsideTheSet_IsOutOfRange(string value)
    {
        Assert.Equal("--quality must be one of .25, .5, 1, 2, 4", ParseAssert.Fails($"cat --q {value}", PromptErrorCode.OutOfRange).Message);
    }

    [Theory]
    [InlineData("--tile")]
    [InlineData("--draft")]
    [InlineData("--hd")]
    public void Parse_Flag_IsTrue(string flag)
    {
        var p = ParseAssert.Single($"cat {flag}").Parameters;

        Assert.True(flag switch { "--tile" => p.Tile, "--draft" => p.Draft, _ => p.Hd });
    }

    [Theory]
    [InlineData("--fast", "fast")]
    [InlineData("--relax", "relax")]
    [InlineData("--turbo", "turbo")]
    public void Parse_SpeedFlag_SetsSpeed(string flag, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single($"cat {flag}").Parameters.Speed);
    }

    [Theory]
    [InlineData("--stealth", "stealth")]
    [InlineData("--public", "public")]
    public void Parse_VisibilityFlag_SetsVisibility(string flag, string expected)
    {
        Assert.Equal(expected, ParseAssert.Single($"cat {flag}").Parameters.Visibility);
    }

    [Fact]
    public void Parse_FlagFollowedByAWord_ReportsTheWord()
    {
        Assert.Equal("Unrecognized parameter(s): `yes`", ParseAssert.Fails("cat --tile yes", PromptErrorCode.UnknownParameter).Message);
    }

    [Theory]
    [InlineData("cat --p", new string[0])]
    [InlineData("cat --p abc123", new[] { "abc123" })]
    [InlineData("cat --personalize m1 m-2_x", new[] { "m1", "m-2_x" })]
    [InlineData("cat --profile abc --ar 1:1", new[] { "abc" })]
    public void Parse_Personalize_TakesCodes(string prompt, string[] expected)
    {
        Assert.Equal(expected, ParseAssert.Single(prompt).Parameters.Personalize);
    }

    [Theory]
    [InlineData("euler_a")]
    [InlineData("euler")]
    [InlineData("dpmpp_2m_karras")]
    [InlineData("lms")]
    [InlineData("lcm")]
    public void Parse_KnownSampler_IsKept(string sampler)
    {
        Assert.Equal(sampler, ParseAssert.Single($"cat --sampler {sampler}").Parameters.Sampler);
    }

    [Fact]
    public void Parse_UnknownSampler_ListsTheSamplers()
    {
        var error = ParseAssert.Fails("cat --sampler ddim", PromptErrorCode.OutOfRange);

        Assert.Equal("--sampler must be one of euler_a, euler, dpmpp_2m_karras, lms, lcm", error.Message);
    }

    [Fact]
    public void Parse_ModelWithoutConfiguredAliases_AcceptsAWellFormedAlias()
    {
        Assert.Equal("sd15-turbo", ParseAssert.Single("cat --model sd15-turbo").Parameters.Model);
    }

    [Fact]
    public void Parse_ModelNotConfigured_ListsTheConfiguredAliases()
    {
        var options = new PromptParserOptions { ModelAliases = new HashSet<string> { "v7", "niji" } };

        var error = ParseAssert.Fails("cat --model sdxl", PromptErrorCode.OutOfRange, options);

        Assert.Equal("--model must be one of niji, v7", error.Message);
        Assert.Equal("v7", ParseAssert.Single("cat --model v7", options).Parameters.Model);
    }

    [Fact]
    public void Parse_ModelAliasWithCapitals_IsInvalidValue()
    {
        ParseAssert.Fails("cat --model SDXL", PromptErrorCode.InvalidValue);
    }

    [Fact]
    public void Parse_Sref_TakesLinksCodesRandomAndWeights()
    {
        var p = ParseAssert.Single("cat --sref https://cdn.example.com/a.png::2 123456 random --sw 300").Parameters;

        Assert.Equal(["https://cdn.example.com/a.png", "123456", "random"], p.Sref.ToArray());
        Assert.Equal([2.0, 1.0, 1.0], p.SrefWeights.ToArray());
        Assert.Equal(300, p.StyleWeight);
    }

    [Fact]
    public void Parse_SrefWithoutWeights_HasNoWeights()
    {
        Assert.True(ParseAssert.Single("cat --sref 123").Parameters.SrefWeights.IsDefault);
    }

    [Fact]
    public void Parse_SrefWord_IsInvalidValue()
    {
        var error = ParseAssert.Fails("cat --sref watercolor", PromptErrorCode.InvalidValue);

        Assert.Equal("--sref takes image links, numeric style codes or random, not `watercolor`", error.Message);
    }

    [Fact]
    public void Parse_CrefAndOref_TakeImageLinks()
    {
        var p = ParseAssert.Single("cat --cref https://a.io/1.png https://a.io/2.jpg --cw 50 --v 6").Parameters;

        Assert.Equal(["https://a.io/1.png", "https://a.io/2.jpg"], p.Cref.ToArray());
        Assert.Equal("https://a.io/o.webp", ParseAssert.Single("cat --oref https://a.io/o.webp --ow 200").Parameters.Oref);
    }

    [Theory]
    [InlineData("cat --cref robot")]
    [InlineData("cat --cref https://a.io/page")]
    [InlineData("cat --oref https://a.io/page.html")]
    [InlineData("cat --sref https://a.io/page")]
    public void Parse_ReferenceThatIsNotAnImageLink_IsInvalidLink(string prompt)
    {
        ParseAssert.Fails(prompt, PromptErrorCode.InvalidLink);
    }

    [Fact]
    public void Parse_OrefWithTwoLinks_ReportsTheSecond()
    {
        var error = ParseAssert.Fails("cat --oref https://a.io/1.png https://a.io/2.png", PromptErrorCode.UnknownParameter);

        Assert.Equal("Unrecognized parameter(s): `https://a.io/2.png`", error.Message);
    }

    [Fact]
    public void Parse_RepeatedNo_IsMergedSplitTrimmedWithoutEmpties()
    {
        // PROJECT: all --no occurrences merge into one list (reference §1.7; OBS `girl --no boy --no car , dog`).
        var job = ParseAssert.Single("girl --no boy --no car , dog --raw --no ,, modern clothing,");

        Assert.Equal(["boy", "car", "dog", "modern clothing"], job.Parameters.No.ToArray());
        Assert.Equal(["boy", "car", "dog", "modern clothing"], job.NegativeTerms.ToArray());
        Assert.Equal("raw", job.Parameters.Style);
    }
}
