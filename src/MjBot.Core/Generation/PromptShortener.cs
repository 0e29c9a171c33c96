using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>Which phrases of a prompt carry its meaning as the text encoder reads it, the ground of a local /shorten:
/// each comma-separated phrase is left out in turn, and the further the prompt's CLIP embedding moves without it
/// (1 − cosine), the more it counts. The shares are normalised to sum to 1.</summary>
public sealed class PromptShortener(IClipEncoder clip)
{
    /// <summary>Gets each phrase of <paramref name="prompt"/> with its share, in the prompt's order.</summary>
    public Task<IReadOnlyList<RankedPhrase>> WeighAsync(string prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return WeighAsync(prompt.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), ", ", cancellationToken);
    }

    /// <summary>Gets each of <paramref name="parts"/> (joined by <paramref name="separator"/> to make the prompt) with
    /// its share, in order.</summary>
    public async Task<IReadOnlyList<RankedPhrase>> WeighAsync(IReadOnlyList<string> parts, string separator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2)
        {
            return [.. parts.Select(static p => new RankedPhrase(p, 1))];
        }

        string[] texts = [string.Join(separator, parts), .. parts.Select((_, i) => string.Join(separator, parts.Where((_, j) => j != i)))];
        var embedded = await clip.EmbedTextsAsync(texts, cancellationToken);
        var moved = parts.Select((_, i) => Math.Max(0, 1 - ClipScore.Cosine(embedded[0], embedded[i + 1]))).ToArray();
        var total = moved.Sum();
        return [.. parts.Select((p, i) => new RankedPhrase(p, total == 0 ? 1.0 / parts.Count : moved[i] / total))];
    }

    /// <summary>Gets <paramref name="prompt"/> cut to its <paramref name="keep"/> weightiest phrases, in its order.</summary>
    public async Task<string> ShortenAsync(string prompt, int keep, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var weighed = await WeighAsync(prompt, cancellationToken);
        var kept = weighed.Select(static (r, i) => (r, i)).OrderByDescending(static x => x.r.Score).ThenBy(static x => x.i).Take(keep).OrderBy(static x => x.i);
        return string.Join(", ", kept.Select(static x => x.r.Phrase));
    }
}
