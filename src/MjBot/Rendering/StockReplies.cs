namespace MjBot.Rendering;

/// <summary>The sentences several handlers answer with, each written once.</summary>
internal static class StockReplies
{
    /// <summary>A button whose custom id this version does not know (from an older MjBot, or tampered with).</summary>
    public const string UnknownButton = "This button is from an older MjBot and no longer works; run the command again.";

    /// <summary>A member pressed another member's job buttons on a server that keeps them to the author.</summary>
    public const string NotYourButtons = "These buttons belong to the job's author; run /imagine to make your own.";
}
