namespace MjBot.Core.Generation;

/// <summary>One category of an image's description (medium, movement, lighting, framing, subject) and its best phrases,
/// best first.</summary>
public sealed record DescribedCategory(string Category, IReadOnlyList<RankedPhrase> Phrases);
