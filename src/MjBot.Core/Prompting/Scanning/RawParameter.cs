namespace MjBot.Core.Prompting.Scanning;

/// <summary>A parameter as typed: its marker (<c>--</c> or <c>—</c>), its name, and the tokens up to the next
/// parameter.</summary>
internal sealed record RawParameter(string Marker, string Name, int Position, IReadOnlyList<ScannedToken> Values)
{
    public string Typed => Marker + Name;
}
