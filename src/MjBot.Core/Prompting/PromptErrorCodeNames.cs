namespace MjBot.Core.Prompting;

/// <summary>The stable snake_case codes of <see cref="PromptErrorCode"/>, as <c>mjbot parse</c> prints them.</summary>
public static class PromptErrorCodeNames
{
    /// <summary>Gets the snake_case code, e.g. <c>unknown_parameter</c>.</summary>
    public static string ToCode(this PromptErrorCode code) => code switch
    {
        PromptErrorCode.UnknownParameter => "unknown_parameter",
        PromptErrorCode.MissingValue => "missing_value",
        PromptErrorCode.InvalidValue => "invalid_value",
        PromptErrorCode.OutOfRange => "out_of_range",
        PromptErrorCode.InvalidAspectRatio => "invalid_aspect_ratio",
        PromptErrorCode.DuplicateParameter => "duplicate_parameter",
        PromptErrorCode.InvalidWeights => "invalid_weights",
        PromptErrorCode.TooManyJobs => "too_many_jobs",
        PromptErrorCode.DependencyMissing => "dependency_missing",
        PromptErrorCode.Incompatible => "incompatible",
        PromptErrorCode.PromptTooLong => "prompt_too_long",
        PromptErrorCode.InvalidLink => "invalid_link",
        PromptErrorCode.EmptyPrompt => "empty_prompt",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown prompt error code."),
    };
}
