using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

/// <summary>AssertParser-style helpers (Sprache's test idiom) for whole prompts.</summary>
internal static class ParseAssert
{
    public static PromptParseResult.Success Succeeds(string prompt, PromptParserOptions? options = null)
    {
        var result = PromptParser.Parse(prompt, options ?? PromptParserOptions.Default);
        return result as PromptParseResult.Success
            ?? throw new Xunit.Sdk.XunitException($"Expected `{prompt}` to parse, but: {((PromptParseResult.Failure)result).Error}");
    }

    public static ImagineRequest Single(string prompt, PromptParserOptions? options = null)
    {
        var success = Succeeds(prompt, options);
        Assert.Single(success.Jobs);
        return success.Jobs[0];
    }

    public static PromptError Fails(string prompt, PromptErrorCode code, PromptParserOptions? options = null)
    {
        var result = PromptParser.Parse(prompt, options ?? PromptParserOptions.Default);
        var failure = result as PromptParseResult.Failure
            ?? throw new Xunit.Sdk.XunitException($"Expected `{prompt}` to fail with {code}, but it parsed.");
        Assert.True(failure.Error.Code == code, $"Expected {code} for `{prompt}`, got {failure.Error.Code}: {failure.Error.Message}");
        return failure.Error;
    }
}
