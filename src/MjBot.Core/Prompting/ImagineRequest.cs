using System.Collections.Immutable;

namespace MjBot.Core.Prompting;

/// <summary>One generation job as the member asked for it: the outcome of parsing one /imagine prompt
/// (or one of its expansions).</summary>
/// <param name="Prompt">The text without image links and parameters, trimmed, runs of white space collapsed.
/// <c>::</c> weights stay in it.</param>
/// <param name="MultiPrompt">The <c>::</c> segments with their weights; empty when the prompt has no <c>::</c>.</param>
/// <param name="ImagePrompts">The leading image links, in order.</param>
/// <param name="Parameters">The parameters given, under their canonical names.</param>
public sealed record ImagineRequest(
    string Prompt,
    ImmutableArray<PromptSegment> MultiPrompt,
    ImmutableArray<ImagePrompt> ImagePrompts,
    ImagineParameters Parameters)
{
    /// <summary>Gets the negative terms (<c>--no</c>); each is equivalent to the segment <c>term::-0.5</c>.</summary>
    public ImmutableArray<string> NegativeTerms => Parameters.No.IsDefault ? [] : Parameters.No;

    /// <summary>Gets the weight <c>--no</c> terms carry when a backend honours weights (Midjourney's <c>::-.5</c>).</summary>
    public const double NegativeTermWeight = -0.5;
}
