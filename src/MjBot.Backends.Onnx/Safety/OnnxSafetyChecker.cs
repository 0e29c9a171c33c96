using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Safety;

/// <summary>The Stable Diffusion safety checker on ONNX Runtime (<see cref="SafetyCheckerOptions"/>), opened on first
/// use and kept; one image per run.</summary>
public sealed class OnnxSafetyChecker : IImageSafetyChecker, IDisposable
{
    private readonly SafetyCheckerOptions _options;
    private readonly ILogger<OnnxSafetyChecker> _logger;
    private readonly OpenedOnFirstUse<SafetyCheckerModel> _model;

    public OnnxSafetyChecker(SafetyCheckerOptions options, ILogger<OnnxSafetyChecker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _model = new(Open);
    }

    public Task<IReadOnlyList<bool>> FlaggedAsync(IReadOnlyList<byte[]> pngs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pngs);
        return Task.Run<IReadOnlyList<bool>>(() =>
        {
            var model = _model.Get();
            try
            {
                return [.. pngs.Select(png => model.Flags(ImageOperations.DecodePng(png), cancellationToken))];
            }
            catch (InvalidDataException)
            {
                throw GenerationException.Of("failure.safety_unreadable", retryable: true);
            }
            catch (ModelRuntimeException ex)
            {
                throw GenerationException.Of("failure.safety_run", retryable: true, ("detail", ex.Message));
            }
        }, cancellationToken);
    }

    public void Dispose() => _model.Dispose();

    private SafetyCheckerModel Open()
    {
        var file = _options.ModelFile ?? throw GenerationException.Of("failure.safety_missing", retryable: false);
        var started = Stopwatch.GetTimestamp();
        SafetyCheckerModel model;
        try
        {
            model = SafetyCheckerModel.Open(file, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(_options.ExecutionProvider) });
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            // Nothing is posted meanwhile: the job fails with the sentence.
            _logger.SafetyCheckerRefused(file, ex.Message);
            throw GenerationException.Of("failure.safety_unopened", retryable: false);
        }

        _logger.SafetyCheckerOpened(file, model.ExecutionProvider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return model;
    }
}
