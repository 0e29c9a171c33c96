namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>One text encoder's run over every prompt segment: hidden states [segments·77·width] and pooled
/// embeddings [segments·pooledWidth] where the encoder has them.</summary>
internal sealed record EncoderOutput(float[] Hidden, int Width, float[]? Pooled, int PooledWidth);
