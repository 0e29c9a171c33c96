using System.Collections.Immutable;

namespace MjBot.Core.Prompting;

/// <summary>The outcome of parsing a prompt: the jobs it asks for, or the one error that refuses it.</summary>
public abstract record PromptParseResult
{
    private PromptParseResult()
    {
    }

    /// <summary>The prompt parsed into one or more jobs.</summary>
    /// <param name="Permutations">Each expanded prompt string, in Midjourney's order (one entry when there are no braces).</param>
    /// <param name="Jobs">Each job: expansions × <c>--repeat</c>.</param>
    public sealed record Success(ImmutableArray<string> Permutations, ImmutableArray<ImagineRequest> Jobs) : PromptParseResult;

    /// <summary>The prompt was refused.</summary>
    /// <param name="Error">Why.</param>
    public sealed record Failure(PromptError Error) : PromptParseResult;
}
