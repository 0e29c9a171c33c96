namespace MjBot.Core.Prompting;

/// <summary>A refused prompt: the code, the sentence the member sees (Midjourney's wording where it has one),
/// and the position in the prompt where it helps.</summary>
/// <param name="Code">The error category.</param>
/// <param name="Message">The message shown to the member, ephemerally.</param>
/// <param name="Position">The zero-based index in the prompt (or in the expansion named by the message), if known.</param>
public sealed record PromptError(PromptErrorCode Code, string Message, int? Position = null);
