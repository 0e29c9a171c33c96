using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Core.Generation;

/// <summary>A server's daily budget for each priced backend: checked before a job is sent (what was spent today plus
/// what this job will cost must stay within that backend's cap), recorded after it succeeds. Days are UTC. Jobs
/// running at the same moment are each checked against what was recorded before them, so the cap can be passed by at
/// most those jobs.</summary>
/// <param name="ledger">What each server spent, per day.</param>
/// <param name="dailyCapsUsd">Each priced backend's daily cap per server, by backend name; a backend not listed, or
/// listed with 0, has none.</param>
/// <param name="time">The clock that says which day it is.</param>
public sealed class SpendingCap(ISpendingLedger ledger, IReadOnlyDictionary<string, decimal> dailyCapsUsd, TimeProvider time)
{
    /// <summary>Throws a sentence for the member when the job would pass its server's cap; returns its cost.</summary>
    /// <exception cref="GenerationException">The cap would be passed (not retried).</exception>
    public async Task<decimal> CheckAsync(Job job, IImageBackend backend, GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(backend);
        if (backend is not IPricedBackend priced)
        {
            return 0m;
        }

        var cost = priced.EstimateUsd(request);
        var cap = CapFor(backend.Name);
        if (cap <= 0 || job.GuildId is not { } guild)
        {
            return cost;
        }

        var spent = await ledger.SpentAsync(guild, Today, cancellationToken);
        if (spent + cost > cap)
        {
            throw GenerationException.Of("failure.budget_spent", retryable: false, ("backend", backend.Name), ("cap", cap), ("spent", spent), ("cost", cost));
        }

        return cost;
    }

    /// <summary>Records what a finished job cost its server (nothing for a free one, or one outside a server).</summary>
    public Task RecordAsync(Job job, decimal cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return cost > 0 && job.GuildId is { } guild ? ledger.RecordAsync(guild, Today, cost, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>What the server spent today, and a backend's cap (0: none).</summary>
    public async Task<(decimal Spent, decimal Cap)> TodayAsync(ulong guildId, string backend, CancellationToken cancellationToken) =>
        (await ledger.SpentAsync(guildId, Today, cancellationToken), CapFor(backend));

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private decimal CapFor(string backend) => dailyCapsUsd.GetValueOrDefault(backend);
}
