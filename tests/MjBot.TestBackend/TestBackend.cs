using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.TestBackend;

/// <summary>A deterministic stand-in for a real backend (tests only): each image is a gradient whose colours come from
/// a hash of the prompt and its seed, so the same request always gives the same bytes; variations and outpaints
/// tint their source image. It reports progress with a preview, can be made slow, held until released, or made to
/// fail, and records what it was asked and in which order jobs started.</summary>
public sealed class TestBackend : IImageBackend, IModelCatalog
{
    private readonly ConcurrentQueue<GenerationRequest> _requests = new();
    private int _failuresLeft;
    private bool _failRetryable;
    private TaskCompletionSource _hold = Released();

    public string Name => "test";

    public int Concurrency { get; set; } = 2;

    public BackendCapabilities Capabilities { get; set; } = BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Outpaint | BackendCapabilities.Previews;

    /// <summary>Gets or sets how long each job takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets whether images are noise (hardly compressible, for upload-limit tests) instead of gradients.</summary>
    public bool Noise { get; set; }

    /// <summary>Gets or sets the <c>--model</c> aliases this backend reports.</summary>
    public IReadOnlySet<string> ModelAliases { get; set; } = new HashSet<string>(StringComparer.Ordinal) { "test-model" };

    /// <summary>Gets or sets the edge of a square image.</summary>
    public int Size { get; set; } = 64;

    /// <summary>Gets the requests in the order their jobs started.</summary>
    public IReadOnlyCollection<GenerationRequest> Requests => _requests;

    /// <summary>Makes jobs wait at 50 % until <see cref="Release"/>.</summary>
    public void Hold() => Interlocked.Exchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _hold).TrySetResult();

    /// <summary>Makes the next <paramref name="count"/> jobs fail.</summary>
    public void FailNext(int count, bool retryable)
    {
        _failRetryable = retryable;
        Volatile.Write(ref _failuresLeft, count);
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        _requests.Enqueue(request);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw GenerationException.Of("failure.backend_failed", _failRetryable, ("detail", "the test backend was told to fail"));
        }

        progress.Report(new GenerationProgress(25, Image(request, request.Seed + 99, 16, 16)));
        await Task.Delay(Delay / 2, cancellationToken);
        progress.Report(new GenerationProgress(50, Image(request, request.Seed + 98, 16, 16)));
        await Volatile.Read(ref _hold).Task.WaitAsync(cancellationToken);
        await Task.Delay(Delay / 2, cancellationToken);
        progress.Report(new GenerationProgress(75, null));
        if (request.Kind == JobKind.Upscale && request.Source is { } enlarged && PngDecoder.Decode(enlarged) is PngDecodeResult.Success { Image.Pixels: var big })
        {
            // An upscale's refinement: one image, at the size of the enlargement the host made.
            return GenerationResult.Of([Image(request, request.Seed, big.Width, big.Height, Noise)]);
        }

        var (width, height) = Dimensions(request);
        return GenerationResult.Of([.. Enumerable.Range(1, JobLimits.GridSize).Select(i => Image(request, ImageSeeds.Of(request.Seed, request.Request.Parameters.SameSeed == true, i), width, height, Noise))]);
    }

    /// <summary>A prompt with this word makes solid red images, which the tiny safety checker flags.</summary>
    public const string FlaggedWord = "crimson";

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private (int Width, int Height) Dimensions(GenerationRequest request) => request.Request.Parameters.Aspect is { } aspect && aspect.Width != aspect.Height
        ? aspect.Width > aspect.Height ? (Size, Math.Max(8, Size * aspect.Height / aspect.Width)) : (Math.Max(8, Size * aspect.Width / aspect.Height), Size)
        : (Size, Size);

    private static byte[] Image(GenerationRequest request, long seed, int width, int height, bool noise = false)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Kind}|{request.Request.Prompt}|{seed}|{request.Option}"));
        var image = new RgbaImage(width, height);
        var tint = request.Source is { } source ? Average(source) : (0, 0, 0);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[x * 4] = (byte)((key[0] + (x * key[1] / width) + tint.Item1) / 2);
                row[(x * 4) + 1] = (byte)((key[2] + (y * key[3] / height) + tint.Item2) / 2);
                row[(x * 4) + 2] = (byte)((key[4] + ((x + y) * key[5] / (width + height)) + tint.Item3) / 2);
                row[(x * 4) + 3] = 255;
                if (request.Request.Prompt.Contains(FlaggedWord, StringComparison.Ordinal))
                {
                    // What the tiny safety checker flags: a strongly red image.
                    (row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2]) = ((byte)230, (byte)20, (byte)20);
                    continue;
                }

                if (noise)
                {
                    var n = (uint)((x * 73856093) ^ (y * 19349663) ^ (key[6] * 83492791)) * 2654435761u;
                    row[x * 4] ^= (byte)n;
                    row[(x * 4) + 1] ^= (byte)(n >> 8);
                    row[(x * 4) + 2] ^= (byte)(n >> 16);
                }
            }
        }

        return PngEncoder.Encode(image);
    }

    private static (int, int, int) Average(byte[] png)
    {
        if (PngDecoder.Decode(png) is not PngDecodeResult.Success { Image.Pixels: var pixels })
        {
            throw GenerationException.Of("failure.source_unreadable", retryable: false);
        }

        long r = 0, g = 0, b = 0;
        for (var i = 0; i < pixels.Pixels.Length; i += 4)
        {
            r += pixels.Pixels[i];
            g += pixels.Pixels[i + 1];
            b += pixels.Pixels[i + 2];
        }

        var n = Math.Max(1, pixels.Pixels.Length / 4);
        return ((int)(r / n), (int)(g / n), (int)(b / n));
    }
}
