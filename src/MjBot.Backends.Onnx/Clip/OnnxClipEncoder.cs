using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Clip;

/// <summary>CLIP on ONNX Runtime (<see cref="ClipOptions"/>), opened on first use and kept.</summary>
public sealed class OnnxClipEncoder : IClipEncoder, IDisposable
{
    private readonly ClipOptions _options;
    private readonly ILogger<OnnxClipEncoder> _logger;
    private readonly OpenedOnFirstUse<ClipTowers> _towers;

    public OnnxClipEncoder(ClipOptions options, ILogger<OnnxClipEncoder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _towers = new(Open);
    }

    public Task<IReadOnlyList<float[]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Run(towers => [.. texts.Select(t => towers.EmbedText(t, cancellationToken))], cancellationToken);
    }

    public Task<IReadOnlyList<float[]>> EmbedImagesAsync(IReadOnlyList<byte[]> pngs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pngs);
        return Run(towers => [.. pngs.Select(png => towers.EmbedImage(ImageOperations.DecodePng(png), cancellationToken))], cancellationToken);
    }

    public void Dispose() => _towers.Dispose();

    private Task<IReadOnlyList<float[]>> Run(Func<ClipTowers, IReadOnlyList<float[]>> work, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var towers = _towers.Get();
            try
            {
                return work(towers);
            }
            catch (Exception ex) when (ex is ModelRuntimeException or InvalidDataException)
            {
                throw GenerationException.Of("failure.clip_run", retryable: true, ("detail", ex.Message));
            }
        }, cancellationToken);

    private ClipTowers Open()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var towers = ClipTowers.Open(_options.Model, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(_options.ExecutionProvider) });
            _logger.ClipOpened(_options.Model, towers.ExecutionProvider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return towers;
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            _logger.ClipRefused(_options.Model, ex.Message);
            throw GenerationException.Of("failure.clip_unopened", retryable: false);
        }
    }
}
