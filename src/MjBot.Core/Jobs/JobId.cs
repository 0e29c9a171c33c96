using System.Diagnostics.CodeAnalysis;

namespace MjBot.Core.Jobs;

/// <summary>A job's id: a random 128-bit value, written as 32 lower-case hex digits (what members see in /show and
/// ✉️ DMs, and what buttons carry in their custom_id).</summary>
/// <param name="Value">The value.</param>
public readonly record struct JobId(Guid Value)
{
    /// <summary>Makes a new random id.</summary>
    public static JobId New() => new(Guid.NewGuid());

    /// <summary>Reads an id written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out JobId id)
    {
        var ok = Guid.TryParseExact(text?.Trim(), "N", out var value);
        id = new JobId(value);
        return ok;
    }

    /// <summary>A 25-character token derived from the id, for Discord's message nonce (which allows 25).</summary>
    public string Nonce => "j" + Value.ToString("N")[..24];

    public override string ToString() => Value.ToString("N");
}
