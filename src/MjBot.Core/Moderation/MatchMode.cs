namespace MjBot.Core.Moderation;

/// <summary>How a disallow rule's term is matched against a normalised prompt.</summary>
public enum MatchMode
{
    /// <summary>The term as a whole word (a plural or possessive ending is allowed): "ass" matches "ass" and "asses",
    /// never "class" or "assassin". A term of several words is matched as a phrase.</summary>
    Word,

    /// <summary>The term's words in order, each a whole word, with anything but letters and digits between them.</summary>
    Phrase,

    /// <summary>A .NET regular expression, run with a time limit over the normalised prompt.</summary>
    Regex,
}
