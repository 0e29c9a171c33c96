using MjBot.Core.Localization;

namespace MjBot.Core.Generation;

/// <summary>What a backend made: the images (PNG), the notices the member should read with them (a parameter the
/// backend approximated or ignored), and the prompt the provider actually used when it rewrote it.</summary>
/// <param name="Images">The images, in grid order.</param>
/// <param name="Notices">Sentences for the member (written in their language under the result), or none.</param>
/// <param name="RevisedPrompt">The provider's rewrite of the prompt, when it made one.</param>
public sealed record GenerationResult(IReadOnlyList<byte[]> Images, IReadOnlyList<CatalogueText> Notices, string? RevisedPrompt = null)
{
    /// <summary>Images with nothing to say about them.</summary>
    public static GenerationResult Of(IReadOnlyList<byte[]> images) => new(images, []);
}
