namespace MjBot.Backends.Onnx;

/// <summary>A model folder as its files describe it.</summary>
/// <param name="FamilyKey">The family as mjbot.json names it (<c>sd1</c>, <c>sd2</c>, <c>sdxl</c>), or null.</param>
/// <param name="Family">The family for people (<c>SD 1.x</c>, <c>SD 2.x</c>, <c>SDXL</c>), or null.</param>
/// <param name="Problems">What keeps it from running; empty when it would.</param>
/// <param name="Source">Where <c>mjbot models add</c> got it, or null.</param>
public sealed record ModelFolderReport(string? FamilyKey, string? Family, IReadOnlyList<string> Problems, ModelSource? Source);
