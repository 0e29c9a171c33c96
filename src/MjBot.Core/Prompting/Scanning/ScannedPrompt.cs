namespace MjBot.Core.Prompting.Scanning;

/// <summary>The anatomy of one prompt: leading link tokens, the text between them and the first parameter,
/// and the parameters.</summary>
internal sealed record ScannedPrompt(
    IReadOnlyList<ScannedToken> Links,
    int TextStart,
    int TextEnd,
    IReadOnlyList<RawParameter> Parameters);
