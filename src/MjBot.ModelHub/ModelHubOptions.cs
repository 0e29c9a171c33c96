namespace MjBot.ModelHub;

/// <summary>The <c>ModelHub</c> section: where <c>mjbot models add</c> downloads from. Registered by
/// <c>AddModelHub</c>.</summary>
public sealed record ModelHubOptions
{
    public const string SectionName = "ModelHub";

    /// <summary>Gets or sets the hub's address (a mirror that serves the same API may replace it).</summary>
    /// <value>The default value is <c>https://huggingface.co</c>.</value>
    public string Endpoint { get; set; } = "https://huggingface.co";

    /// <summary>Gets or sets a Hugging Face access token (read scope), needed for gated and private repos; when empty,
    /// <c>AddModelHub</c> takes the <c>HF_TOKEN</c> environment variable (the Hugging Face tools' own) if set. Sent only to <see cref="Endpoint"/>, never to the
    /// storage hosts it redirects downloads to.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets how many times one file's transfer is resumed after a dropped connection, a server error
    /// or a rate limit before the download stops (what arrived is kept for the next run).</summary>
    /// <value>The default value is 5.</value>
    public int Retries { get; set; } = 5;

    /// <summary>Gets or sets the first pause before a retry (doubled each time; a <c>Retry-After</c> wins).</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a transfer may go without receiving a byte before it counts as dropped.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the pause before retry <paramref name="attempt"/> (1 first): <see cref="RetryDelay"/> doubled each
    /// time, at most 5 minutes; a pause the hub asked for wins.</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? asked) =>
        asked ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 16))));

    /// <summary>Gets the token to send, or null.</summary>
    public string? EffectiveToken => string.IsNullOrWhiteSpace(Token) ? null : Token.Trim();

    /// <summary>Gets <see cref="Endpoint"/> as a base address ending in <c>/</c>.</summary>
    public Uri BaseAddress => new(Endpoint.TrimEnd('/') + "/", UriKind.Absolute);
}
