namespace MjBot.Core.Moderation;

/// <summary>A prompt in the forms rules are matched against.</summary>
/// <param name="Words">Lower-case words with accents, look-alike letters and leetspeak undone, separated by single
/// spaces: "N.u.d3 ártwork" becomes "n u de artwork".</param>
/// <param name="Joined">The same, but with punctuation inside a word removed first: "n.u.d3" becomes "nude".</param>
/// <param name="LetterRuns">Runs of three or more single letters written apart, joined: "n u d e" gives "nude".</param>
public sealed record NormalizedPrompt(string Words, string Joined, IReadOnlyList<string> LetterRuns);
