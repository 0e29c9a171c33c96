using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>A local /shorten: the prompt's parts weighed by the CLIP text encoder (<see cref="PromptShortener"/>: each
/// comma-separated phrase left out in turn; a prompt of fewer than three phrases is weighed word by word), the parts
/// that carry it, and up to five shorter prompts that keep the weightiest 80 %, 65 %, 50 %, 35 % and 20 % of the parts
/// in the prompt's order.</summary>
public sealed record ShortenedPrompt(IReadOnlyList<RankedPhrase> Parts, string Separator, IReadOnlyList<string> Shorter)
{
    private static readonly double[] Keep = [0.8, 0.65, 0.5, 0.35, 0.2];

    /// <summary>Gets whether a part carries more than an equal share of the prompt (shown in bold).</summary>
    public bool Carries(RankedPhrase part) => part.Score >= 1.0 / Parts.Count;

    public static async Task<ShortenedPrompt> OfAsync(IClipEncoder clip, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phrases = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var byPhrase = phrases.Length >= 3;
        var separator = byPhrase ? ", " : " ";
        var parts = byPhrase ? phrases : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var weighed = await new PromptShortener(clip).WeighAsync(parts, separator, cancellationToken);
        var ranked = weighed.Select(static (p, i) => (p, i)).OrderByDescending(static x => x.p.Score).ThenBy(static x => x.i).ToList();
        var shorter = Keep
            .Select(f => Math.Max(1, (int)Math.Round(weighed.Count * f)))
            .Where(k => k < weighed.Count)
            .Distinct()
            .Select(k => string.Join(separator, ranked.Take(k).OrderBy(static x => x.i).Select(static x => x.p.Phrase)))
            .ToList();
        return new ShortenedPrompt(weighed, separator, shorter);
    }
}
