using System.Globalization;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

using MjBot.Operations;

namespace MjBot.Jobs;

/// <summary>A server's daily budget for paid backends: checked before a job is sent (what was spent today plus what
/// this job will cost must stay within the cap), recorded after it succeeds. Days are UTC. Jobs running at the same
/// moment are each checked against what was recorded before them, so the cap can be passed by at most those jobs.</summary>
internal sealed class SpendingCap(ISpendingLedger ledger, IOptions<BackendsOptions> options, MjBotMetrics metrics, TimeProvider time)
{
    /// <summary>Throws a sentence for the member when the job would pass its server's cap; returns its cost.</summary>
    /// <exception cref="GenerationException">The cap would be passed (not retried).</exception>
    public async Task<decimal> CheckAsync(Job job, IImageBackend backend, GenerationRequest request, CancellationToken cancellationToken)
    {
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
            throw new GenerationException(
                string.Create(CultureInfo.InvariantCulture, $"this server's daily {backend.Name} budget of ${cap:0.00} is spent (${spent:0.00} so far, this job ${cost:0.00}); it resets at 00:00 UTC"),
                retryable: false);
        }

        return cost;
    }

    public Task RecordAsync(Job job, decimal cost, CancellationToken cancellationToken)
    {
        if (cost <= 0)
        {
            return Task.CompletedTask;
        }

        metrics.Spent(cost);
        return job.GuildId is { } guild ? ledger.RecordAsync(guild, Today, cost, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>What the server spent today, and its cap (0: none).</summary>
    public async Task<(decimal Spent, decimal Cap)> TodayAsync(ulong guildId, CancellationToken cancellationToken) =>
        (await ledger.SpentAsync(guildId, Today, cancellationToken), CapFor("openai"));

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private decimal CapFor(string backend) => backend == "openai" ? options.Value.OpenAI.DailyGuildCapUsd : 0m;
}
