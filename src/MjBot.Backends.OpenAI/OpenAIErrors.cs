using System.ClientModel;
using System.Text.Json;
using MjBot.Core.Generation;
using MjBot.Core.Localization;

namespace MjBot.Backends.OpenAI;

/// <summary>OpenAI's refusals as the pipeline understands them: content_policy_violation blocks the job (never
/// retried); a rejected key is a configuration error; 429 and 5xx (already retried by the SDK, honouring Retry-After)
/// may pass; any other 400 is final. Messages quote OpenAI's own sentence, which never contains the key.</summary>
internal static class OpenAIErrors
{
    /// <summary>Whether <paramref name="ex"/> is a provider failure this class translates (not the caller's own
    /// cancellation): an error answer, a timeout, or the SDK's "retry failed" wrapping either.</summary>
    public static bool IsProviderFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ClientResultException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.All(e => IsProviderFailure(e, cancellationToken)),
        _ => false,
    };

    /// <summary>Translates an exception <see cref="IsProviderFailure"/> accepted; timeouts may pass and are retried.</summary>
    public static GenerationException Translate(Exception ex) => ex switch
    {
        ClientResultException result => Translate(result),
        AggregateException aggregate when aggregate.InnerExceptions.LastOrDefault() is { } last => Translate(last),
        _ => GenerationException.Of("failure.openai_timeout", retryable: true),
    };

    public static GenerationException Translate(ClientResultException ex)
    {
        var (code, message) = Read(ex);
        return ex.Status switch
        {
            400 when code is "content_policy_violation" or "moderation_blocked" =>
                new GenerationException(CatalogueText.Of("failure.provider_refused"), retryable: false, blocked: true),
            401 => GenerationException.Of("failure.openai_key", retryable: false),
            403 => GenerationException.Of("failure.openai_forbidden", retryable: false, ("detail", message ?? "403")),
            429 or >= 500 => GenerationException.Of("failure.openai_busy", retryable: true, ("detail", message is null ? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ex.Status}: {message}")),
            0 => GenerationException.Of("failure.openai_timeout", retryable: true),
            _ => GenerationException.Of("failure.openai_refused", retryable: false, ("detail", message ?? ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    private static (string? Code, string? Message) Read(ClientResultException ex)
    {
        try
        {
            var body = ex.GetRawResponse()?.Content;
            if (body is null)
            {
                return (null, null);
            }

            using var json = JsonDocument.Parse(body.ToMemory());
            var error = json.RootElement.GetProperty("error");
            return (
                error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not OpenAI's error shape (a proxy's page): the status alone decides.
            return (null, null);
        }
    }
}
