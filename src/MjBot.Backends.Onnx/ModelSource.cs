namespace MjBot.Backends.Onnx;

/// <summary>The hub repo a model folder was downloaded from (mjbot.json's <c>"source"</c>).</summary>
public sealed record ModelSource(string Repo, string Revision, string? Commit);
