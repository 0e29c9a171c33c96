namespace MjBot.Core.Ports;

/// <summary>"Prompt magic": rewrites a short prompt into detailed captions (one per image of a grid).</summary>
public interface IPromptExpander
{
    /// <summary>Rewrites <paramref name="prompt"/> into <paramref name="count"/> diverse, detailed captions.</summary>
    /// <exception cref="Generation.GenerationException">The rewrite failed.</exception>
    Task<IReadOnlyList<string>> ExpandAsync(string prompt, int count, CancellationToken cancellationToken);
}
