using MjBot.Backends.Onnx.Tokenization;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>What a run made: the images in order, and how each prompt segment was tokenized (the negative prompt
/// first), for the member's notice about cut words.</summary>
internal sealed record DiffusionOutput(IReadOnlyList<RgbaImage> Images, IReadOnlyList<TokenizedText> Tokens);
