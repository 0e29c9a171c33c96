using System.Globalization;
using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Ports;
using OpenAI.Chat;

namespace MjBot.Backends.OpenAI;

/// <summary>Translates prompts into English with the configured chat model, for backends that read only English
/// (Stable Diffusion): all texts of a request in one call, as numbered lines, answered the same way. Stable Diffusion's
/// own syntax survives: emphasis such as <c>(word:1.3)</c> and <c>[word]</c>, names and what is English already.</summary>
public sealed partial class OpenAIPromptTranslator(OpenAIBackendOptions settings) : IPromptTranslator
{
    public const string Instructions =
        "You translate prompts for an image generator into English. Each line of the input is numbered \"N: text\". " +
        "Translate each text into natural English that describes the same image; keep names, numbers, parentheses and " +
        "brackets with their weights such as (word:1.3) or [word], and anything already in English, as they are. Add " +
        "nothing and leave nothing out. Answer with the same numbered lines, \"N: translation\", one per line, and " +
        "nothing else.";

    private readonly ChatClient _chat = OpenAIChat.Create(settings);

    /// <summary>Gets false: the chat model runs at OpenAI (a local translation model, when configured, is asked first).</summary>
    public bool RunsLocally => false;

    /// <summary>Gets true: the chat model reads every language.</summary>
    public bool Reads(string text) => true;

    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ask = new StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            ask.Append(CultureInfo.InvariantCulture, $"{i + 1}: {texts[i].ReplaceLineEndings(" ")}\n");
        }

        try
        {
            var answer = await _chat.CompleteChatAsync([new SystemChatMessage(Instructions), new UserChatMessage(ask.ToString())], cancellationToken: cancellationToken);
            var lines = new Dictionary<int, string>();
            foreach (var line in OpenAIChat.Text(answer.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (NumberedLine().Match(line) is { Success: true } m && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= texts.Count)
                {
                    lines[n] = m.Groups[2].Value.Trim();
                }
            }

            if (lines.Count != texts.Count || lines.Values.Any(static l => l.Length == 0))
            {
                throw GenerationException.Of("failure.translation_lines", retryable: true, ("answered", lines.Count), ("asked", texts.Count));
            }

            return [.. Enumerable.Range(1, texts.Count).Select(n => lines[n])];
        }
        catch (Exception ex) when (OpenAIErrors.IsProviderFailure(ex, cancellationToken))
        {
            throw OpenAIErrors.Translate(ex);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,3})\s*[:.)]\s*(.*)$")]
    private static partial System.Text.RegularExpressions.Regex NumberedLine();
}
