namespace MjBot.Core.Prompting.Emphasis;

/// <summary>A run of prompt text and the emphasis Stable Diffusion tools give it (1 = none).</summary>
public sealed record EmphasisSpan(string Text, double Weight);
