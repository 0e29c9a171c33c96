using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>A local /describe: CLIP interrogation over <see cref="DescriptionVocabulary.Default"/>. Prompt k (counted
/// over rounds: the first round is 0–3, 🔄 gives 4–7 …) takes each category's phrase of rank k, subject first, so the
/// first prompt is the best match in every category and later ones go down the rankings.</summary>
public sealed class ClipPromptDescriber(IClipEncoder clip) : IPromptDescriber
{
    private static readonly string[] Order = ["subject", "medium", "movement", "lighting", "framing"];

    public string Name => "CLIP";

    /// <summary>Gets how many rounds have no prompt of an earlier one: the shortest category's phrases, shared out.</summary>
    public int? Rounds(int count) => DescriptionVocabulary.Default.Categories.Values.Min(static p => p.Count) / count;

    public async Task<IReadOnlyList<string>> DescribeAsync(byte[] png, int count, int round, CancellationToken cancellationToken)
    {
        var vocabulary = DescriptionVocabulary.Default;
        var deepest = vocabulary.Categories.Values.Min(static p => p.Count);
        var described = (await new ImageDescriber(clip).DescribeAsync(png, vocabulary, deepest, cancellationToken)).ToDictionary(static d => d.Category, StringComparer.Ordinal);
        return [.. Enumerable.Range(round * count, count).Select(k => string.Join(", ", Order.Select(c => described[c].Phrases[k % deepest].Phrase)))];
    }
}
