using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>A CLIP stand-in whose space has one axis per known word and one for everything else: a text is the sum of
/// its known words' axes (other words count for nothing, as stop words barely move CLIP; a text of none lies on the last
/// axis, unlike anything); an image is the axes named in its bytes' text (tests pass UTF-8 words as the "image").</summary>
internal sealed class WordClip(params string[] words) : IClipEncoder
{
    public Task<IReadOnlyList<float[]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(Embed)]);

    public Task<IReadOnlyList<float[]>> EmbedImagesAsync(IReadOnlyList<byte[]> pngs, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<float[]>>([.. pngs.Select(p => Embed(System.Text.Encoding.UTF8.GetString(p)))]);

    private float[] Embed(string text)
    {
        var found = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        float[] vector = [.. words.Select(w => (float)found.Count(f => string.Equals(f, w, StringComparison.OrdinalIgnoreCase))), 0];
        vector[^1] = vector.Any(static v => v > 0) ? 0 : 1;
        return vector;
    }
}
