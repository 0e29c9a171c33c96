namespace MjBot.Core.Generation;

/// <summary>A backend could not make the images. <see cref="Retryable"/> says whether trying again may help (an
/// outage) or not (the provider refused the prompt); the message is fit for the member.</summary>
public sealed class GenerationException : Exception
{
    public GenerationException(string message, bool retryable, bool blocked = false)
        : base(message)
    {
        Retryable = retryable && !blocked;
        Blocked = blocked;
    }

    public bool Retryable { get; }

    /// <summary>Gets whether the provider's safety system refused the request: the job ends Blocked, never retried.</summary>
    public bool Blocked { get; }
}
