namespace MjBot.Core.Prompting.Scanning;

/// <summary>A whitespace-free piece of the prompt and where it starts.</summary>
internal readonly record struct ScannedToken(string Text, int Position);
