using Microsoft.Extensions.Logging;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Logging;

namespace MjBot.Jobs;

/// <summary>The CLIP score of each image a job made against the prompt the model was given (in English where it was
/// translated, without its parameters), when a CLIP model is configured. A score is extra: when CLIP cannot run, the
/// job is posted without one and the reason is logged.</summary>
internal sealed class ClipScoring(IEnumerable<IClipEncoder> encoders, ILogger<ClipScoring> logger)
{
    private readonly IClipEncoder? _clip = encoders.FirstOrDefault();

    public async Task<IReadOnlyList<double>> ScoreAsync(Job job, string prompt, IReadOnlyList<byte[]> images, CancellationToken cancellationToken)
    {
        if (_clip is null || images.Count == 0)
        {
            return [];
        }

        try
        {
            var text = (await _clip.EmbedTextsAsync([prompt], cancellationToken))[0];
            var embedded = await _clip.EmbedImagesAsync(images, cancellationToken);
            return [.. embedded.Select(image => Math.Round(ClipScore.Of(text, image), 1))];
        }
        catch (GenerationException ex)
        {
            logger.ClipScoreSkipped(job.Id.ToString(), ex.Reason.English);
            return [];
        }
    }
}
