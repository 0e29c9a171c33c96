namespace MjBot.Core.Prompting.Parameters;

/// <summary>Where a parameter slot was set: the name as typed and its position.</summary>
internal readonly record struct ParameterUse(string Typed, int Position);
