using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A graph ready for <c>POST /prompt</c>: the nodes, the SaveImage nodes whose images are the result (in grid
/// order), and each sampler node's place, for progress over several samplers.</summary>
internal sealed record BuiltGraph(JsonObject Prompt, IReadOnlyList<string> SaveNodes, IReadOnlyList<string> SamplerNodes);
