using System.Text.Json.Serialization;

namespace MjBot.Backends.Onnx.Tokenization;

[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TokenizerJsonContext : JsonSerializerContext;
