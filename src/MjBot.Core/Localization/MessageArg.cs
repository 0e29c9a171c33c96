namespace MjBot.Core.Localization;

/// <summary>A value for a <c>{name}</c> placeholder of a catalogue message. Numbers and dates are formatted in the
/// message's culture (a format after a colon, <c>{count:N0}</c>, applies); text is inserted as it is.</summary>
public readonly record struct MessageArg(string Name, object? Value)
{
    public static implicit operator MessageArg((string Name, object? Value) pair) => new(pair.Name, pair.Value);
}
