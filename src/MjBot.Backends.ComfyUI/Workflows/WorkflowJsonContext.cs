using System.Text.Json.Serialization;

namespace MjBot.Backends.ComfyUI.Workflows;

[JsonSerializable(typeof(WorkflowMapping))]
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext;
