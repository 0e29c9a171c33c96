namespace MjBot.Rendering;

/// <summary>The message catalogue keys of sentences several handlers answer with.</summary>
internal static class StockReplies
{
    /// <summary>A button whose custom id this version does not know (from an older MjBot, or tampered with).</summary>
    public const string UnknownButton = "reply.unknown_button";

    /// <summary>A member pressed another member's job buttons on a server that keeps them to the author.</summary>
    public const string NotYourButtons = "reply.not_your_buttons";
}
