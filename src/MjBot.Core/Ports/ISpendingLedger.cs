namespace MjBot.Core.Ports;

/// <summary>What each server spent on paid backends, per UTC day.</summary>
public interface ISpendingLedger
{
    /// <summary>What the server spent on <paramref name="day"/>, in US dollars.</summary>
    Task<decimal> SpentAsync(ulong guildId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Adds to the server's spending on <paramref name="day"/>.</summary>
    Task RecordAsync(ulong guildId, DateOnly day, decimal usd, CancellationToken cancellationToken);
}
