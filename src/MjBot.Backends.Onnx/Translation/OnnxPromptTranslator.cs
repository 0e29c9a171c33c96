using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>Translates prompts into English with local Marian (opus-mt) models on ONNX Runtime, one per source
/// language (<see cref="TranslationOptions.Models"/>; <c>mul</c> takes the languages without their own). A model is
/// opened on first use and kept. Each phrase between separators is translated on its own (<see cref="TranslatableSpans"/>).</summary>
public sealed class OnnxPromptTranslator : IPromptTranslator, IDisposable
{
    private readonly TranslationOptions _options;
    private readonly ILogger<OnnxPromptTranslator> _logger;
    private readonly ConcurrentDictionary<string, Lazy<MarianTranslationModel>> _models = new(StringComparer.Ordinal);

    public OnnxPromptTranslator(TranslationOptions options, ILogger<OnnxPromptTranslator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
    }

    /// <summary>Gets true: the models run on this machine, so they are asked before a hosted chat model.</summary>
    public bool RunsLocally => true;

    public bool Reads(string text) => FolderFor(text) is not null;

    public Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Task.Run<IReadOnlyList<string>>(() => [.. texts.Select(t => Translate(t, cancellationToken))], cancellationToken);
    }

    public void Dispose()
    {
        foreach (var model in _models.Values.Where(static m => m.IsValueCreated))
        {
            model.Value.Dispose();
        }
    }

    private string Translate(string text, CancellationToken cancellationToken)
    {
        var folder = FolderFor(text) ?? throw GenerationException.Of("failure.translation_no_model", retryable: false);
        var model = Model(folder);
        try
        {
            return TranslatableSpans.Apply(text, phrase => model.Translate(phrase, cancellationToken));
        }
        catch (ModelRuntimeException ex)
        {
            throw GenerationException.Of("failure.translation_model_failed", retryable: true, ("detail", ex.Message));
        }
    }

    private string? FolderFor(string text) =>
        PromptScript.LanguageOf(text) is { } language && (_options.Models.TryGetValue(language, out var own) || _options.Models.TryGetValue("mul", out own))
            ? own
            : null;

    private MarianTranslationModel Model(string folder)
    {
        var lazy = _models.GetOrAdd(folder, f => new Lazy<MarianTranslationModel>(() => Open(f)));
        try
        {
            return lazy.Value;
        }
        catch (GenerationException)
        {
            // A model that does not open stays unopened; the next prompt tries again (after the folder is fixed).
            _models.TryRemove(new KeyValuePair<string, Lazy<MarianTranslationModel>>(folder, lazy));
            throw;
        }
    }

    private MarianTranslationModel Open(string folder)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var model = MarianTranslationModel.Open(folder, _options.Session, _options.MaxTokens);
            _logger.TranslationModelOpened(folder, model.ExecutionProvider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return model;
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            _logger.TranslationModelRefused(folder, ex.Message);
            throw GenerationException.Of("failure.translation_model_unopened", retryable: false);
        }
    }
}
