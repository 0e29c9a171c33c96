namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>One sampler of a graph: its seed, guidance, how many images it makes, and its own prompt when prompt magic
/// wrote one per image.</summary>
internal sealed record SamplingLane(long Seed, double Cfg, int Batch, string? Positive = null);
