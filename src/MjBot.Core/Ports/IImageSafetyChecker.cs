namespace MjBot.Core.Ports;

/// <summary>Judges images a local model made before anything is posted (hosted providers filter their own).</summary>
public interface IImageSafetyChecker
{
    /// <summary>Gets, for each of <paramref name="pngs"/>, whether it is flagged as unsafe.</summary>
    /// <exception cref="Generation.GenerationException">The checker could not judge them.</exception>
    Task<IReadOnlyList<bool>> FlaggedAsync(IReadOnlyList<byte[]> pngs, CancellationToken cancellationToken);
}
