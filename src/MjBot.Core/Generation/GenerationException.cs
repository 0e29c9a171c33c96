using MjBot.Core.Localization;

namespace MjBot.Core.Generation;

/// <summary>A backend could not make the images. <see cref="Retryable"/> says whether trying again may help (an
/// outage) or not (the provider refused the prompt); <see cref="Reason"/> is the sentence for the member, written in
/// their language where it is shown (the exception's message is its English).</summary>
public sealed class GenerationException : Exception
{
    public GenerationException(CatalogueText reason, bool retryable, bool blocked = false)
        : base((reason ?? throw new ArgumentNullException(nameof(reason))).English)
    {
        Reason = reason;
        Retryable = retryable && !blocked;
        Blocked = blocked;
    }

    public CatalogueText Reason { get; }

    public bool Retryable { get; }

    /// <summary>Gets whether the provider's safety system refused the request: the job ends Blocked, never retried.</summary>
    public bool Blocked { get; }

    /// <summary>Shorthand for a reason from the catalogue.</summary>
    public static GenerationException Of(string key, bool retryable, params MessageArg[] args) => new(CatalogueText.Of(key, args), retryable);
}
