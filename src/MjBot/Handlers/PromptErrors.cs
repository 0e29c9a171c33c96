using MjBot.Core.Prompting;

namespace MjBot.Handlers;

/// <summary>A prompt error as Midjourney titles it ("Invalid parameter", "Invalid prompt", "Invalid link"), with the
/// grammar's own sentence, which names the parameter and the allowed values.</summary>
internal static class PromptErrors
{
    public static string Describe(PromptError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var title = error.Code switch
        {
            PromptErrorCode.EmptyPrompt or PromptErrorCode.PromptTooLong or PromptErrorCode.InvalidWeights or PromptErrorCode.TooManyJobs => "Invalid prompt",
            PromptErrorCode.InvalidLink => "Invalid link",
            _ => "Invalid parameter",
        };
        return $"**{title}**\n{error.Message}";
    }
}
