namespace MjBot.Core.Prompting.Permutations;

/// <summary>The expanded prompt strings, or <see langword="null"/> when the expansions exceed the cap.</summary>
internal readonly record struct PermutationExpansion(IReadOnlyList<string>? Prompts)
{
    public bool ExceedsCap => Prompts is null;
}
