namespace MjBot.Core.Generation;

/// <summary>Progress a backend reports: a percentage and, when it has one, a low-resolution preview (PNG).</summary>
public sealed record GenerationProgress(int Percent, byte[]? Preview);
