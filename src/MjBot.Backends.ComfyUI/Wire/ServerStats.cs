namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>What <c>/system_stats</c> says: ComfyUI's version and its devices' names and free memory.</summary>
internal sealed record ServerStats(string Version, IReadOnlyList<string> Devices);
