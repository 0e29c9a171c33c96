using MjBot.Backends.Onnx.Tokenization;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The text side of a run: per prompt (the negative first) its token embeddings [77·<see cref="Width"/>] and,
/// for SDXL, its pooled embedding [<see cref="PooledWidth"/>]; and how each prompt segment was tokenized.</summary>
internal sealed record TextConditioning(float[][] Hidden, int Width, float[][]? Pooled, int PooledWidth, IReadOnlyList<TokenizedText> Tokens);
