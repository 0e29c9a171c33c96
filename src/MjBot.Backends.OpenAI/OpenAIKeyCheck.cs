using System.ClientModel;
using OpenAI;
using OpenAI.Models;

namespace MjBot.Backends.OpenAI;

/// <summary>A free, live check of the key and the model (GET /models/{model}) for `mjbot doctor`.</summary>
public static class OpenAIKeyCheck
{
    /// <summary>Checks the key against the provider; the answer never quotes the key.</summary>
    /// <returns>Whether the key works for the model, and a sentence saying what was found.</returns>
    public static async Task<(bool Ok, string Detail)> CheckAsync(OpenAIBackendOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(15) };
        if (settings.EndpointUri() is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        try
        {
            var model = await new OpenAIModelClient(settings.Credential(), options).GetModelAsync(settings.Model, cancellationToken);
            return (true, $"accepted; the model {model.Value.Id} is available");
        }
        catch (ClientResultException ex) when (ex.Status == 401)
        {
            return (false, "OpenAI rejected the key (401)");
        }
        catch (ClientResultException ex) when (ex.Status == 404)
        {
            return (false, $"the key works, but the model {settings.Model} is not available to it (404)");
        }
        catch (ClientResultException ex)
        {
            return (false, ex.Status == 0 ? "OpenAI could not be reached" : $"OpenAI answered {ex.Status}");
        }
    }
}
