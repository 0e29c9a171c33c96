namespace MjBot.ModelHub;

/// <summary>The hub refused or failed a request; <see cref="Exception.Message"/> is a sentence for the self-hoster
/// saying what to do. <see cref="Transient"/> failures (a dropped connection, 5xx, 429) are worth retrying.</summary>
public sealed class HubRequestException : Exception
{
    public HubRequestException()
    {
    }

    public HubRequestException(string message)
        : base(message)
    {
    }

    public HubRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HubRequestException(string message, bool transient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Transient = transient;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets whether trying again later may succeed.</summary>
    public bool Transient { get; }

    /// <summary>Gets the pause the hub asked for (<c>Retry-After</c>), if it named one.</summary>
    public TimeSpan? RetryAfter { get; }
}
