using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Jobs;

/// <summary>What handlers ask of the pipeline: admit a job (or say the member's queue is full), cancel one, and where
/// a job stands. A new job is saved, its waiting message shown, and only then handed to the runner.</summary>
internal sealed class JobService(IJobStore jobs, JobQueue queue, IJobNotifier notifier, EtaEstimator eta, TimeProvider time)
{
    /// <summary>Reserves room for <paramref name="count"/> of a member's jobs, all or none; false means "Queue full"
    /// (<paramref name="room"/> says how many would fit). Follow each with <see cref="SubmitAsync"/>, or give the
    /// rest back with <see cref="Release"/>.</summary>
    public bool TryReserve(ulong userId, int count, out int room) => queue.TryReserve(userId, count, out room);

    /// <summary>Reserves room for one job.</summary>
    public bool TryReserve(ulong userId) => queue.TryReserve(userId, 1, out _);

    /// <summary>Gives back reservations that did not become jobs.</summary>
    public void Release(ulong userId, int count = 1) => queue.Release(userId, count);

    /// <summary>Posts a status message of its own for a job that has no interaction reply to use.</summary>
    public Task<ulong?> PostStatusAsync(Job job, CancellationToken cancellationToken) => notifier.PostStatusAsync(job, cancellationToken);

    /// <summary>Gets how many jobs wait and run now.</summary>
    public (int Waiting, int Running) Depth => (queue.WaitingCount, queue.RunningCount);

    /// <summary>Whether the job is waiting or running now.</summary>
    public bool IsActive(JobId id) => queue.IsActive(id);

    /// <summary>Saves a reserved job, shows it waiting at its place in the fair queue (its status message is the
    /// interaction's @original), and queues it. The reservation is used up on every path: given back when the job
    /// could not be saved, turned into the queued job once it is (even if showing it failed).</summary>
    public async Task<Job> SubmitAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            await jobs.AddAsync(job, cancellationToken);
        }
        catch
        {
            queue.Release(job.UserId);
            throw;
        }

        try
        {
            var position = queue.PositionIfQueued(job);
            var messageId = await notifier.ShowQueuedAsync(job, position, await eta.ForPositionAsync(job.Backend, position, cancellationToken), cancellationToken);
            if (messageId is { } id)
            {
                job = job with { StatusMessageId = id };
                await jobs.UpdateAsync(job, cancellationToken);
            }
        }
        finally
        {
            queue.Enqueue(job, reserved: true);
        }

        return job;
    }

    /// <summary>Records a job that is finished the moment it is made (U1–U4: a crop of a stored grid).</summary>
    public Task RecordFinishedAsync(Job job, CancellationToken cancellationToken) => jobs.AddAsync(job, cancellationToken);

    /// <summary>Cancels a waiting or running job.</summary>
    /// <returns>What happened, as the message catalogue key of the member's sentence.</returns>
    public async Task<string> CancelAsync(JobId id, CancellationToken cancellationToken)
    {
        if (queue.TakeForCancel(id, out var wasRunning) is { } waiting)
        {
            var job = JobTransitions.Move(waiting, JobStatus.Cancelled, time.GetUtcNow(), "cancelled");
            await jobs.UpdateAsync(job, cancellationToken);
            await notifier.DeliverEndAsync(job, cancellationToken);
            return "reply.cancelled_waiting";
        }

        return wasRunning ? "reply.cancelling" : "reply.cancel_too_late";
    }
}
