using MjBot.Core.Generation;
using MjBot.Core.Ports;
using OpenAI.Chat;

namespace MjBot.Backends.OpenAI;

/// <summary>/describe through the configured chat model (a vision-capable one: gpt-4o-mini by default): the member's
/// image is sent as an image part with fixed rules for the prompts it writes (subject, medium, style, composition and
/// lighting, Midjourney-style phrases; no real people's or living artists' names; each different), one per line.</summary>
public sealed class OpenAIPromptDescriber : IPromptDescriber
{
    public const string Instructions =
        "You write prompts for an image generator that would recreate the image you are shown. Each prompt is one line " +
        "of comma-separated phrases: the subject first, then the medium, style, composition, colours and lighting. Never " +
        "name real people, nor artists whose work is less than 100 years old: describe the style instead. Make every " +
        "prompt different from the others. Answer with exactly the number of prompts asked for, one per line, and " +
        "nothing else.";

    private readonly ChatClient _chat;

    public OpenAIPromptDescriber(OpenAIBackendOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _chat = OpenAIChat.Create(settings);
        Name = "OpenAI " + settings.ChatModel;
    }

    public string Name { get; }

    public async Task<IReadOnlyList<string>> DescribeAsync(byte[] png, int count, int round, CancellationToken cancellationToken)
    {
        var ask = round == 0 ? $"Write {count} prompts for this image." : $"Write {count} prompts for this image, unlike the {round * count} you wrote before.";
        try
        {
            var answer = await _chat.CompleteChatAsync(
                [
                    new SystemChatMessage(Instructions),
                    new UserChatMessage(ChatMessageContentPart.CreateTextPart(ask), ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(png), "image/png", ChatImageDetailLevel.Low)),
                ],
                cancellationToken: cancellationToken);
            var prompts = OpenAIChat.Lines(answer.Value).Take(count).ToList();
            return prompts.Count > 0 ? prompts : throw GenerationException.Of("failure.describe_empty", retryable: true);
        }
        catch (Exception ex) when (OpenAIErrors.IsProviderFailure(ex, cancellationToken))
        {
            throw OpenAIErrors.Translate(ex);
        }
    }
}
