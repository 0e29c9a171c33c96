using System.ClientModel;

namespace MjBot.Backends.OpenAI;

/// <summary>The <c>Backends:OpenAI</c> section: OpenAI or Azure OpenAI, and how the backend reaches it.</summary>
public sealed class OpenAIBackendOptions
{
    public const string SectionName = "Backends:OpenAI";

    /// <summary>Gets or sets the API key (OpenAI or Azure OpenAI). A secret.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets an endpoint other than OpenAI's: an Azure OpenAI resource
    /// (<c>https://NAME.openai.azure.com/</c>) or a compatible server.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Gets or sets the Azure OpenAI deployment name of the image model; empty for OpenAI.</summary>
    public string? AzureDeployment { get; set; }

    /// <summary>Gets or sets the image model of prompts that name none: gpt-image-2, gpt-image-1.5, gpt-image-1-mini,
    /// gpt-image-1, dall-e-3 or dall-e-2 (or a dated snapshot of one).</summary>
    /// <value>The default value is <c>dall-e-3</c>.</value>
    public string ImageModel { get; set; } = "dall-e-3";

    /// <summary>Gets or sets the further image models members may choose with <c>--model</c> (each also a model of
    /// OpenAI's list above); empty for an Azure deployment, which is one model.</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Gets or sets the chat model used for prompt expansion.</summary>
    /// <value>The default value is <c>gpt-4o-mini</c>.</value>
    public string ChatModel { get; set; } = "gpt-4o-mini";

    /// <summary>Gets or sets whether the chat model translates prompts written in other scripts (Korean, Japanese …)
    /// into English for backends that read only English (Stable Diffusion); the member sees the translation under
    /// the result.</summary>
    /// <value>The default value is true.</value>
    public bool TranslatePrompts { get; set; } = true;

    /// <summary>Gets or sets how many OpenAI calls may run at once.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Gets or sets how long one OpenAI call may take, in seconds (5 to 600).</summary>
    /// <value>The default value is 120.</value>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>Gets or sets what one server may spend on OpenAI per UTC day, in US dollars; 0 means no cap.</summary>
    /// <value>The default value is 0.</value>
    public decimal DailyGuildCapUsd { get; set; }

    /// <summary>Gets or sets price overrides in US dollars per image, keyed "model:quality:WxH" (e.g.
    /// "dall-e-3:hd:1792x1024"); entries not given use OpenAI's list prices.</summary>
    public Dictionary<string, decimal> Prices { get; set; } = [];

    /// <summary>Gets the model the SDK is asked for: the Azure deployment's name when one is set, else the image
    /// model.</summary>
    public string Model => string.IsNullOrWhiteSpace(AzureDeployment) ? ImageModel.Trim() : AzureDeployment.Trim();

    /// <summary>Gets every model <c>--model</c> may name: the default and <see cref="Models"/> (the deployment alone on
    /// Azure).</summary>
    public IReadOnlyList<string> AllModels => string.IsNullOrWhiteSpace(AzureDeployment)
        ? [.. new[] { ImageModel }.Concat(Models).Where(static m => !string.IsNullOrWhiteSpace(m)).Select(static m => m.Trim()).Distinct(StringComparer.Ordinal)]
        : [AzureDeployment.Trim()];

    /// <summary>Gets how long one call may take.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Gets the key as the SDK takes it; the backend is registered only with one.</summary>
    internal ApiKeyCredential Credential() =>
        new(string.IsNullOrWhiteSpace(ApiKey) ? throw new InvalidOperationException("Backends:OpenAI:ApiKey is not set.") : ApiKey);

    /// <summary>Gets the base address the SDK is given (see <see cref="EndpointUri(string?)"/>).</summary>
    public Uri? EndpointUri() => EndpointUri(Endpoint);

    /// <summary>Gets the base address the SDK is given: null for OpenAI; an Azure OpenAI resource's v1 API base. An
    /// Azure resource given by its bare address (<c>https://NAME.openai.azure.com/</c>, or the
    /// <c>cognitiveservices.azure.com</c> / <c>services.ai.azure.com</c> forms) gets <c>openai/v1/</c> added, so both
    /// ways of writing it work; any other address is used as given (with a trailing slash).</summary>
    public static Uri? EndpointUri(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var uri = new Uri(endpoint.Trim().EndsWith('/') ? endpoint.Trim() : endpoint.Trim() + "/");
        var azure = uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase);
        return azure && uri.AbsolutePath == "/" ? new Uri(uri, "openai/v1/") : uri;
    }
}
