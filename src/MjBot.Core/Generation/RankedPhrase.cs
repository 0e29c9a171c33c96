namespace MjBot.Core.Generation;

/// <summary>A phrase and how much it counts: its CLIP score against an image, or its share of a prompt's meaning.</summary>
public sealed record RankedPhrase(string Phrase, double Score);
