using System.ClientModel;
using OpenAI;
using OpenAI.Models;

namespace MjBot.Backends.OpenAI;

/// <summary>A free, live check of the key and each configured image model (GET /models/{model}) for `mjbot doctor`.</summary>
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

        var client = new OpenAIModelClient(settings.Credential(), options);
        var found = new List<string>();
        foreach (var name in settings.AllModels)
        {
            try
            {
                var model = await client.GetModelAsync(name, cancellationToken);
                found.Add(model.Value.Id);
            }
            catch (ClientResultException ex) when (ex.Status == 401)
            {
                return (false, "OpenAI rejected the key (401)");
            }
            catch (ClientResultException ex) when (ex.Status == 404)
            {
                return (false, $"the key works, but the model {name} is not available to it (404)");
            }
            catch (ClientResultException ex)
            {
                return (false, ex.Status == 0 ? "OpenAI could not be reached" : $"OpenAI answered {ex.Status}");
            }
        }

        return (true, found.Count == 1 ? $"accepted; the model {found[0]} is available" : $"accepted; the models {string.Join(", ", found)} are available");
    }
}
