namespace MjBot.Core.Generation;

/// <summary>What the model was given instead of the member's words: the prompt and the <c>--no</c> terms in English.</summary>
public sealed record TranslatedPrompt(string Prompt, IReadOnlyList<string> NegativeTerms);
