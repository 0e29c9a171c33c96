using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace MjBot.Backends.OpenAI;

/// <summary>The chat client prompt magic and translation share: the configured chat model, endpoint, timeout and
/// retries.</summary>
internal static partial class OpenAIChat
{
    public static ChatClient Create(OpenAIBackendOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OpenAIClientOptions { NetworkTimeout = settings.Timeout, RetryPolicy = new ClientRetryPolicy(maxRetries: 3) };
        if (settings.EndpointUri() is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return new ChatClient(settings.ChatModel, settings.Credential(), options);
    }

    /// <summary>The answer's text.</summary>
    public static string Text(ChatCompletion completion) => string.Concat(completion.Content.Select(static c => c.Text));

    /// <summary>The answer's non-empty lines, without list markers ("1. ", "2) ", "- ", "* ", "• ").</summary>
    public static List<string> Lines(ChatCompletion completion) =>
        [.. Text(completion)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static l => ListMarker().Replace(l, string.Empty).Trim())
            .Where(static l => l.Length > 0)];

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}[.)])\s+")]
    private static partial System.Text.RegularExpressions.Regex ListMarker();
}
