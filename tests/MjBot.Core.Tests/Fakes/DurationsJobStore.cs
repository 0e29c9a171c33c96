using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>A job store that knows each backend's recent durations (what the ETA reads, counting the reads) and a list
/// of members' jobs (what quotas read).</summary>
internal sealed class DurationsJobStore : IJobStore
{
    private int _reads;

    public Dictionary<string, List<TimeSpan>> Durations { get; } = new(StringComparer.Ordinal);

    public int Reads => _reads;

    public List<Job> Jobs { get; } = [];

    public Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(string backend, int count, CancellationToken cancellationToken)
    {
        _reads++;
        return Task.FromResult<IReadOnlyList<TimeSpan>>([.. Durations.GetValueOrDefault(backend, []).Take(count)]);
    }

    public Task AddAsync(Job job, CancellationToken cancellationToken) => throw NotHere();

    public Task UpdateAsync(Job job, CancellationToken cancellationToken) => throw NotHere();

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) => throw NotHere();

    public Task<IReadOnlyList<Job>> ActiveAsync(CancellationToken cancellationToken) => throw NotHere();

    public Task<IReadOnlyList<Job>> UndeliveredAsync(CancellationToken cancellationToken) => throw NotHere();

    public Task<IReadOnlyList<Job>> ForUserAsync(ulong userId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Job>>([.. Jobs.Where(j => j.UserId == userId && j.CreatedAt >= since)]);

    public Task<Job?> FindByResultMessageAsync(ulong messageId, CancellationToken cancellationToken) => throw NotHere();

    public Task<bool> ToggleFavoriteAsync(ulong userId, JobId job, DateTimeOffset now, CancellationToken cancellationToken) => throw NotHere();

    public Task<int> CountFavoritesAsync(ulong userId, CancellationToken cancellationToken) => throw NotHere();

    private static NotSupportedException NotHere() => new("Not used by the Core types under test.");
}
