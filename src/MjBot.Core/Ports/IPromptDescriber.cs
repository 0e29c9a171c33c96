namespace MjBot.Core.Ports;

/// <summary>Writes prompts that would make an image like a member's (/describe): a vision-capable chat model, or CLIP
/// over ranked phrase lists on this machine.</summary>
public interface IPromptDescriber
{
    /// <summary>Gets what the member is told answered ("OpenAI gpt-4o-mini", "CLIP on this server").</summary>
    string Name { get; }

    /// <summary>Gets how many rounds of <paramref name="count"/> different prompts it has (null: no end, a chat model
    /// writes new ones each time); 🔄 is not offered past the last.</summary>
    int? Rounds(int count) => null;

    /// <summary>Gets <paramref name="count"/> prompts for <paramref name="png"/>; <paramref name="round"/> 0 is the first
    /// answer, each 🔄 asks the next round for different ones.</summary>
    /// <exception cref="Generation.GenerationException">It could not (the provider failed), with the reason.</exception>
    Task<IReadOnlyList<string>> DescribeAsync(byte[] png, int count, int round, CancellationToken cancellationToken);
}
