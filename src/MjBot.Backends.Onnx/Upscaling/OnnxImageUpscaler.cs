using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>Upscales with the configured super-resolution model (<see cref="UpscalerOptions"/>), tiled: at the model's
/// factor, then — for a 4× model — down to 2× with Lanczos-3. The model opens on first use and is kept.</summary>
public sealed class OnnxImageUpscaler : IImageUpscaler, IDisposable
{
    private readonly UpscalerOptions _options;
    private readonly ILogger<OnnxImageUpscaler> _logger;
    private readonly OpenedOnFirstUse<SuperResolutionModel> _model;

    public OnnxImageUpscaler(UpscalerOptions options, ILogger<OnnxImageUpscaler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        Name = options.DefaultName ?? throw new ArgumentException("No upscaler model is configured.", nameof(options));
        _model = new(Open);
    }

    public string Name { get; }

    public Task<byte[]> UpscaleTwiceAsync(byte[] png, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        return Task.Run(() => UpscaleTwice(png, cancellationToken), cancellationToken);
    }

    public void Dispose() => _model.Dispose();

    private byte[] UpscaleTwice(byte[] png, CancellationToken cancellationToken)
    {
        if (PngDecoder.Decode(png) is not PngDecodeResult.Success { Image.Pixels: var source })
        {
            throw GenerationException.Of("failure.source_unreadable", retryable: false);
        }

        var model = _model.Get();
        try
        {
            var big = TiledUpscale.Run(source, model.Scale, _options.TileSize, _options.TileOverlap, (planar, w, h) => model.Run(planar, w, h, cancellationToken).Values, cancellationToken);
            return PngEncoder.Encode(model.Scale == 2 ? big : Resampler.Lanczos3(big, source.Width * 2, source.Height * 2));
        }
        catch (Exception ex) when (ex is ModelRuntimeException or InvalidDataException)
        {
            throw GenerationException.Of("failure.upscaler_run", retryable: true, ("model", Name), ("detail", ex.Message));
        }
    }

    private SuperResolutionModel Open()
    {
        var file = UpscalerOptions.ModelFile(_options.Models[Name]);
        var started = Stopwatch.GetTimestamp();
        SuperResolutionModel model;
        try
        {
            model = SuperResolutionModel.Open(file, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(_options.ExecutionProvider) });
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            _logger.UpscalerRefused(file, ex.Message);
            throw GenerationException.Of("failure.upscaler_unopened", retryable: false, ("model", Name));
        }

        _logger.UpscalerOpened(file, model.Scale, model.ExecutionProvider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return model;
    }
}
