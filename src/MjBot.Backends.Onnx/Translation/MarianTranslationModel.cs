using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>A loaded Marian (opus-mt) export: the encoder reads the source ids once, then the decoder (the export
/// without past key values, so each step re-reads the words so far) is run token by token, taking the likeliest
/// token that is not banned, until the end token. Greedy: the same text always gives the same English.</summary>
internal sealed class MarianTranslationModel : IDisposable
{
    private readonly ModelSession _encoder;
    private readonly ModelSession _decoder;
    private readonly MarianTokenizer _tokenizer;
    private readonly MarianConfig _config;
    private readonly int _maxTokens;

    private MarianTranslationModel(ModelSession encoder, ModelSession decoder, MarianTokenizer tokenizer, MarianConfig config, int maxTokens)
    {
        _encoder = encoder;
        _decoder = decoder;
        _tokenizer = tokenizer;
        _config = config;
        _maxTokens = Math.Min(maxTokens, config.MaxLength);
    }

    public string ExecutionProvider => _decoder.ExecutionProvider;

    /// <exception cref="InvalidDataException">The folder's tokenizer or configuration is unusable.</exception>
    /// <exception cref="ModelRuntimeException">ONNX Runtime cannot load a model.</exception>
    public static MarianTranslationModel Open(string folder, SessionSettings settings, int maxTokens)
    {
        var config = MarianConfig.Read(folder);
        var tokenizer = MarianTokenizer.Open(folder, config);
        var encoder = SessionFactory.Open(MarianModelFolder.ModelFile(folder, MarianModelFolder.Encoder), settings);
        ModelSession? decoder = null;
        try
        {
            decoder = SessionFactory.Open(MarianModelFolder.ModelFile(folder, MarianModelFolder.Decoder), settings);
            var model = new MarianTranslationModel(encoder, decoder, tokenizer, config, maxTokens);
            model.CheckPorts();
            return model;
        }
        catch
        {
            // Not kept: the caller reports the failure; the sessions opened so far are released.
            decoder?.Dispose();
            encoder.Dispose();
            throw;
        }
    }

    /// <summary>Translates one phrase.</summary>
    /// <exception cref="ModelRuntimeException">A run failed.</exception>
    public string Translate(string text, CancellationToken cancellationToken)
    {
        var source = _tokenizer.Encode(text, _config.MaxLength);
        var mask = Enumerable.Repeat(1L, source.Length).ToArray();
        var hidden = _encoder.Run(
            [Ids("input_ids", _encoder, source), Ids("attention_mask", _encoder, mask)],
            ["last_hidden_state"],
            cancellationToken)[0].Tensor;

        var written = new List<long> { _config.DecoderStartTokenId };
        var limit = Math.Min(_maxTokens, (3 * source.Length) + 8);
        while (written.Count <= limit)
        {
            var logits = _decoder.Run(
                [Ids("input_ids", _decoder, [.. written]), new NamedTensor("encoder_hidden_states", hidden), Ids("encoder_attention_mask", _decoder, mask)],
                ["logits"],
                cancellationToken)[0].Tensor;
            var next = Likeliest(logits.Kind == ElementKind.Float16 ? [.. logits.As<Half>().Data.Select(static v => (float)v)] : logits.As<float>().Data, (int)logits.Shape[^1]);
            if (next == _config.EosTokenId)
            {
                break;
            }

            written.Add(next);
        }

        return _tokenizer.Decode(written.Skip(1));
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    private static NamedTensor Ids(string name, ModelSession session, long[] ids) =>
        session.Input(name)?.Kind == ElementKind.Int32
            ? new NamedTensor(name, new ModelTensor<int>([.. ids.Select(static i => checked((int)i))], 1, ids.Length))
            : new NamedTensor(name, new ModelTensor<long>(ids, 1, ids.Length));

    private long Likeliest(float[] logits, int width)
    {
        // logits: [1, steps, vocabulary]; the last step's row scores the next token.
        var row = logits.AsSpan(logits.Length - width, width);
        var best = -1;
        for (var i = 0; i < row.Length; i++)
        {
            if (!_config.Banned.Contains(i) && (best < 0 || row[i] > row[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private void CheckPorts()
    {
        string[] encoderInputs = ["input_ids", "attention_mask"];
        string[] decoderInputs = ["input_ids", "encoder_hidden_states", "encoder_attention_mask"];
        if (_encoder.Inputs.Select(static i => i.Name).Order(StringComparer.Ordinal).SequenceEqual(encoderInputs.Order(StringComparer.Ordinal)) is false
            || _encoder.Outputs.All(static o => o.Name != "last_hidden_state"))
        {
            throw new InvalidDataException($"encoder_model.onnx takes {string.Join(", ", _encoder.Inputs.Select(static i => i.Name))}: a Marian encoder takes input_ids and attention_mask and gives last_hidden_state");
        }

        if (_decoder.Inputs.Select(static i => i.Name).Order(StringComparer.Ordinal).SequenceEqual(decoderInputs.Order(StringComparer.Ordinal)) is false
            || _decoder.Outputs.All(static o => o.Name != "logits"))
        {
            throw new InvalidDataException($"decoder_model.onnx takes {string.Join(", ", _decoder.Inputs.Select(static i => i.Name))}: use the decoder exported without past key values (decoder_model.onnx, not decoder_with_past_model.onnx or the merged one), which takes input_ids, encoder_hidden_states and encoder_attention_mask");
        }
    }
}
