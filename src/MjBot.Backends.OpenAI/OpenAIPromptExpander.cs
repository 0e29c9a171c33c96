using MjBot.Core.Generation;
using MjBot.Core.Ports;
using OpenAI.Chat;

namespace MjBot.Backends.OpenAI;

/// <summary>Prompt magic through a chat model: the member's prompt becomes detailed English captions, one per image,
/// following fixed rules (the image type first; subject, medium, composition and lighting in one sentence; diverse
/// captions; no living public figures, no artists of the last 100 years by name; the member's intent kept whatever
/// their language). Answers one caption per line.</summary>
public sealed class OpenAIPromptExpander : IPromptExpander
{
    public const string Instructions =
        "You rewrite prompts for an image generator. For each caption: say the image type first (\"A photo of…\", " +
        "\"An oil painting of…\"); describe the subject, the medium or style, the composition and the lighting in one " +
        "detailed sentence; keep the user's intent whatever language they wrote in, and write in English. Never name " +
        "living public figures, nor artists whose work is less than 100 years old: describe the style instead. Make the " +
        "captions diverse. Answer with exactly the number of captions asked for, one per line, and nothing else.";

    private readonly ChatClient _chat;

    public OpenAIPromptExpander(OpenAIBackendOptions settings) => _chat = OpenAIChat.Create(settings);

    public async Task<IReadOnlyList<string>> ExpandAsync(string prompt, int count, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _chat.CompleteChatAsync(
                [new SystemChatMessage(Instructions), new UserChatMessage($"Write {count} captions for: {prompt}")],
                cancellationToken: cancellationToken);
            var captions = OpenAIChat.Lines(answer.Value);
            if (captions.Count == 0)
            {
                throw GenerationException.Of("failure.magic_empty", retryable: true);
            }

            // Fewer captions than asked: the list repeats, so every image still gets one.
            return [.. Enumerable.Range(0, count).Select(i => captions[i % captions.Count])];
        }
        catch (Exception ex) when (OpenAIErrors.IsProviderFailure(ex, cancellationToken))
        {
            throw OpenAIErrors.Translate(ex);
        }
    }
}
