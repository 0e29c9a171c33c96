using MjBot.Core.Jobs;

namespace MjBot.Core.Ports;

/// <summary>Where jobs persist. Every state change is saved here before it is announced on Discord.</summary>
public interface IJobStore
{
    Task AddAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Saves the job's current fields.</summary>
    Task UpdateAsync(Job job, CancellationToken cancellationToken);

    Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken);

    /// <summary>Queued and running jobs, oldest first.</summary>
    Task<IReadOnlyList<Job>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>Finished jobs whose outcome was never posted.</summary>
    Task<IReadOnlyList<Job>> UndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>A member's jobs created since <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<Job>> ForUserAsync(ulong userId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The job whose result is the given message, or null.</summary>
    Task<Job?> FindByResultMessageAsync(ulong messageId, CancellationToken cancellationToken);

    /// <summary>Marks or unmarks a job as one of a member's favourites; returns whether it is one now.</summary>
    Task<bool> ToggleFavoriteAsync(ulong userId, JobId job, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many favourites a member has.</summary>
    Task<int> CountFavoritesAsync(ulong userId, CancellationToken cancellationToken);

    /// <summary>How long the last <paramref name="count"/> successful jobs on a backend ran.</summary>
    Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(string backend, int count, CancellationToken cancellationToken);
}
