namespace MjBot.Backends.OpenAI;

/// <summary>How the OpenAI backend reaches its provider.</summary>
/// <param name="ApiKey">The API key (OpenAI, or the Azure OpenAI resource key). A secret.</param>
/// <param name="Endpoint">Another endpoint (Azure OpenAI's <c>https://NAME.openai.azure.com/openai/v1/</c>), or null for OpenAI.</param>
/// <param name="Model">The image model: dall-e-3, dall-e-2 or gpt-image-1 (on Azure: the deployment's name).</param>
/// <param name="MaxConcurrency">Calls in flight at once (and jobs at once).</param>
/// <param name="Timeout">How long one call may take.</param>
public sealed record OpenAIBackendSettings(string ApiKey, Uri? Endpoint, string Model, int MaxConcurrency, TimeSpan Timeout)
{
    /// <summary>Gets price overrides, US dollars per image keyed "model:quality:WxH" (see <see cref="OpenAIPrices"/>).</summary>
    public IReadOnlyDictionary<string, decimal> Prices { get; init; } = new Dictionary<string, decimal>();
}
