namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>An image a node saved, as <c>executed</c> and <c>/history</c> name it; fetched with <c>/view</c>.</summary>
internal sealed record ImageRef(string Filename, string Subfolder, string Type);
