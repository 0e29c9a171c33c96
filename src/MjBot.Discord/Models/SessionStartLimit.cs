namespace MjBot.Discord.Models;

/// <summary>How many IDENTIFYs the bot may still send (the daily identify budget), and how fast.</summary>
/// <param name="Total">Sessions allowed per reset period.</param>
/// <param name="Remaining">Sessions left.</param>
/// <param name="ResetAfter">Milliseconds until the budget resets.</param>
/// <param name="MaxConcurrency">IDENTIFYs allowed per 5 seconds.</param>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
