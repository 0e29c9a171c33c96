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
    /// <param name="Jobs">Each job: expansions × <c>--repeat</c>, an expansion's repeats together.</param>
    /// <param name="PermutationOfJob">For each job, the index in <paramref name="Permutations"/> of the expansion it
    /// runs (expansions may repeat a different number of times each: <c>--r {2, 3}</c>).</param>
    public sealed record Success(ImmutableArray<string> Permutations, ImmutableArray<ImagineRequest> Jobs, ImmutableArray<int> PermutationOfJob) : PromptParseResult
    {
        /// <summary>Gets the prompt job <paramref name="job"/> runs: the expansion's text, or
        /// <paramref name="typed"/> itself when there is a single expansion (so the member's words are kept as typed).</summary>
        /// <param name="job">The job's index in <see cref="Jobs"/>.</param>
        /// <param name="typed">The whole prompt that was parsed.</param>
        /// <returns>The prompt to store and run.</returns>
        public string PromptOfJob(int job, string typed) => Permutations.Length > 1 ? Permutations[PermutationOfJob[job]] : typed;
    }

    /// <summary>The prompt was refused.</summary>
    /// <param name="Error">Why.</param>
    public sealed record Failure(PromptError Error) : PromptParseResult;
}
