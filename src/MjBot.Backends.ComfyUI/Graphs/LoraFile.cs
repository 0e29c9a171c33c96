namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A LoRA file as the server names it, and its strength.</summary>
internal sealed record LoraFile(string File, double Weight);
