using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class CompatibilityTests
{
    [Theory]
    [InlineData("cat --sw 100", "--sw needs --sref")]
    [InlineData("cat --cw 50", "--cw needs --cref")]
    [InlineData("cat --ow 100", "--ow needs --oref")]
    public void Parse_WeightWithoutItsReference_IsDependencyMissing(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.DependencyMissing).Message);
    }

    [Theory]
    [InlineData("cat --cref https://a.io/c.png --v 7", "`--cref` is not compatible with `--version 7`")]
    [InlineData("cat --cref https://a.io/c.png --niji 7", "`--cref` is not compatible with `--niji 7`")]
    [InlineData("cat --oref https://a.io/o.png --v 8.1", "`--oref` is not compatible with `--version 8.1`")]
    [InlineData("cat --oref https://a.io/o.png --niji", "`--oref` is not compatible with `--niji`")]
    [InlineData("cat --oref https://a.io/o.png --draft", "`--oref` is not compatible with `--draft`")]
    [InlineData("cat --oref https://a.io/o.png --q 4", "`--oref` is not compatible with `--quality 4`")]
    [InlineData("cat --q 1 --v 8.2", "`--q` is not compatible with `--version 8.2`")]
    [InlineData("cat --stop 50 --v 7", "`--stop` is not compatible with `--version 7`")]
    [InlineData("cat --stop 50 --niji 7", "`--stop` is not compatible with `--niji 7`")]
    [InlineData("cat --tile --v 4", "`--tile` is not compatible with `--version 4`")]
    [InlineData("cat --turbo --v 8.1", "`--turbo` is not compatible with `--version 8.1`")]
    [InlineData("cat --hd --v 7", "`--hd` is not compatible with `--version 7`")]
    [InlineData("cat --draft --v 6.1", "`--draft` is not compatible with `--version 6.1`")]
    [InlineData("cat --w 100 --v 4", "`--w` is not compatible with `--version 4`")]
    [InlineData("cat --style cute --v 7", "`--style` is not compatible with `--version 7`")]
    [InlineData("cat --style 4a --v 6", "`--style` is not compatible with `--version 6`")]
    [InlineData("cat --raw --v 5", "`--raw` is not compatible with `--version 5`")]
    [InlineData("cat --style cute --niji 6", "`--style` is not compatible with `--niji 6`")]
    [InlineData("cat --niji 6 --v 7", "`--niji` is not compatible with `--version`")]
    public void Parse_ParameterTheChosenVersionLacks_IsIncompatible(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.Incompatible).Message);
    }

    [Theory]
    [InlineData("cat --cref https://a.io/c.png --cw 0 --v 6")]
    [InlineData("cat --cref https://a.io/c.png --v 6.1")]
    [InlineData("cat --cref https://a.io/c.png --niji 6")]
    [InlineData("cat --oref https://a.io/o.png --ow 400 --v 7")]
    [InlineData("cat --q 2 --v 7")]
    [InlineData("cat --q .25 --v 6")]
    [InlineData("cat --stop 50 --v 6.1")]
    [InlineData("cat --hd --v 8.1")]
    [InlineData("cat --draft --v 7")]
    [InlineData("cat --style raw --v 5.2")]
    [InlineData("cat --style cute --niji 5")]
    [InlineData("cat --style 4b --v 4")]
    [InlineData("cat --turbo --v 7")]
    public void Parse_ParameterTheChosenVersionHas_IsAccepted(string prompt)
    {
        ParseAssert.Single(prompt);
    }

    [Theory]
    [InlineData("cat --s 5000")]
    [InlineData("cat --cref https://a.io/c.png")]
    [InlineData("cat --oref https://a.io/o.png")]
    [InlineData("cat --q 4")]
    [InlineData("cat --stop 20")]
    public void Parse_WithoutAnExplicitVersion_RangesAreTheUnionOfVersions(string prompt)
    {
        // PROJECT: version-specific rules apply only when --v or --niji is typed.
        ParseAssert.Single(prompt);
    }

    [Theory]
    [InlineData("cat --s 1001 --v 7", "--stylize must be between 0 and 1000 with --version 7")]
    [InlineData("cat --s 600 --v 3", "--stylize must be between 625 and 60000 with --version 3")]
    [InlineData("cat --iw 2.5 --v 5", "--iw must be between 0 and 2 with --version 5")]
    [InlineData("cat --iw 2.5 --niji 7", "--iw must be between 0 and 2 with --niji 7")]
    [InlineData("cat --sv 5 --sref 1 --v 6", "--sv must be between 1 and 4 with --version 6")]
    [InlineData("cat --q 0.5 --v 7", "--quality must be 1, 2 or 4 with --version 7")]
    [InlineData("cat --q 4 --v 6", "--quality must be .25, .5, 1 or 2 with --version 6")]
    public void Parse_ValueOutsideTheChosenVersionsRange_IsOutOfRange(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.OutOfRange).Message);
    }
}
