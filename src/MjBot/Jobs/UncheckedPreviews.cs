using MjBot.Core.Generation;

namespace MjBot.Jobs;

/// <summary>Progress with the previews left out: a job under a safety policy shows its percentage only, since a preview
/// is an image the safety checker has not seen.</summary>
internal sealed class UncheckedPreviews(IProgress<GenerationProgress> inner) : IProgress<GenerationProgress>
{
    public void Report(GenerationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        inner.Report(value with { Preview = null });
    }
}
