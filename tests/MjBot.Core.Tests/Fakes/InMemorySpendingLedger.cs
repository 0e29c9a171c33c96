using System.Collections.Concurrent;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>What each server spent, per day, in memory.</summary>
internal sealed class InMemorySpendingLedger : ISpendingLedger
{
    public ConcurrentDictionary<(ulong Guild, DateOnly Day), decimal> Spent { get; } = new();

    public Task<decimal> SpentAsync(ulong guildId, DateOnly day, CancellationToken cancellationToken) => Task.FromResult(Spent.GetValueOrDefault((guildId, day)));

    public Task RecordAsync(ulong guildId, DateOnly day, decimal usd, CancellationToken cancellationToken)
    {
        Spent.AddOrUpdate((guildId, day), usd, (_, v) => v + usd);
        return Task.CompletedTask;
    }
}
