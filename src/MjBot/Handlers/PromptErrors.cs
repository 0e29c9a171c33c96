using MjBot.Core.Localization;
using MjBot.Core.Prompting;

namespace MjBot.Handlers;

/// <summary>A prompt error as Midjourney titles it ("Invalid parameter", "Invalid prompt", "Invalid link"), with the
/// grammar's own sentence, which names the parameter and the allowed values, in the member's language.</summary>
internal static class PromptErrors
{
    public static string Describe(PromptError error, Localizer l)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(l);
        var title = error.Code switch
        {
            PromptErrorCode.EmptyPrompt or PromptErrorCode.PromptTooLong or PromptErrorCode.InvalidWeights or PromptErrorCode.TooManyJobs => "prompt.title.invalid_prompt",
            PromptErrorCode.InvalidLink => "prompt.title.invalid_link",
            _ => "prompt.title.invalid_parameter",
        };
        return $"**{l.Text(title)}**\n{error.Text(l)}";
    }
}
