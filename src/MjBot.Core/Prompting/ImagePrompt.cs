namespace MjBot.Core.Prompting;

/// <summary>A direct image link at the start of a prompt, with its optional per-image <c>::weight</c>.</summary>
/// <param name="Url">The absolute http(s) link as typed.</param>
/// <param name="Weight">The weight after <c>::</c>, or <see langword="null"/> when none was typed.</param>
public sealed record ImagePrompt(string Url, double? Weight);
