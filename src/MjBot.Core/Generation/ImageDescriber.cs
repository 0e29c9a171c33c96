using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>Describes an image in prompt words, the ground of a local /describe: the image's CLIP embedding against
/// each category's phrases, the best few of each by CLIP score.</summary>
public sealed class ImageDescriber(IClipEncoder clip)
{
    public async Task<IReadOnlyList<DescribedCategory>> DescribeAsync(byte[] png, DescriptionVocabulary vocabulary, int perCategory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(perCategory, 1);
        var image = (await clip.EmbedImagesAsync([png], cancellationToken))[0];
        var described = new List<DescribedCategory>();
        foreach (var (category, phrases) in vocabulary.Categories)
        {
            var texts = await clip.EmbedTextsAsync(phrases, cancellationToken);
            described.Add(new DescribedCategory(category, [.. phrases
                .Select((phrase, i) => new RankedPhrase(phrase, ClipScore.Of(texts[i], image)))
                .OrderByDescending(static r => r.Score)
                .Take(perCategory)]));
        }

        return described;
    }
}
