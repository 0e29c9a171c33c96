using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace MjBot.Backends.OpenAI;

/// <summary>The chat client prompt magic and translation share: the configured chat model, endpoint, timeout and
/// retries.</summary>
internal static class OpenAIChat
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
}
