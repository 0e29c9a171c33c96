namespace MjBot.Core.Prompting;

/// <summary>One part of a multi-prompt (<c>text::weight</c>); a segment without a weight has weight 1.</summary>
/// <param name="Text">The segment's text, trimmed.</param>
/// <param name="Weight">The segment's weight; negative weights are allowed while the sum stays positive.</param>
public sealed record PromptSegment(string Text, double Weight);
