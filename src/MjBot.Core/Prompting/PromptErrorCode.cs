namespace MjBot.Core.Prompting;

/// <summary>Why a prompt was refused. <see cref="PromptErrorCodeNames.ToCode"/> gives the snake_case code.</summary>
public enum PromptErrorCode
{
    /// <summary>An unknown parameter name, or text left over after the parameters.</summary>
    UnknownParameter,

    /// <summary>A parameter that needs a value has none.</summary>
    MissingValue,

    /// <summary>A value of the wrong type (text where a number is required).</summary>
    InvalidValue,

    /// <summary>A number outside the allowed range, or a value outside the allowed set.</summary>
    OutOfRange,

    /// <summary>Not <c>W:H</c> with positive whole numbers.</summary>
    InvalidAspectRatio,

    /// <summary>The same parameter (or an alias of it) given twice, other than <c>--no</c>.</summary>
    DuplicateParameter,

    /// <summary>A bad <c>::</c> weight, or weights that sum to zero or less.</summary>
    InvalidWeights,

    /// <summary>Expansions × repeat over the cap.</summary>
    TooManyJobs,

    /// <summary>A parameter given without the one it depends on (<c>--sw</c> without <c>--sref</c>).</summary>
    DependencyMissing,

    /// <summary>A parameter not allowed with the explicitly chosen version, or with another parameter.</summary>
    Incompatible,

    /// <summary>Over the length limit.</summary>
    PromptTooLong,

    /// <summary>An image prompt that is not a usable http(s) image link.</summary>
    InvalidLink,

    /// <summary>No text and fewer than two image prompts.</summary>
    EmptyPrompt,
}
