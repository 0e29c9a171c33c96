using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Rendering;

namespace MjBot.Jobs;

/// <summary>Tells members about their jobs on Discord: <see cref="JobMessages"/>' sentences on the job's status
/// message, through <see cref="JobDelivery"/>.</summary>
internal sealed class DiscordJobNotifier(JobDelivery delivery) : IJobNotifier
{
    public Task<ulong?> ShowQueuedAsync(Job job, int position, TimeSpan? eta, CancellationToken cancellationToken) =>
        delivery.ShowWaitingAsync(job, position, eta, cancellationToken);

    public Task<ulong?> PostStatusAsync(Job job, CancellationToken cancellationToken) => delivery.PostStatusAsync(job, cancellationToken);

    public Task<bool> ShowPositionAsync(Job job, int position, TimeSpan? eta, CancellationToken cancellationToken) =>
        delivery.EditStatusAsync(job, JobMessages.Waiting(job, position, eta), JobMessages.CancelRow(job), null, cancellationToken);

    public Task ShowRunningAsync(Job job, GenerationProgress? progress, CancellationToken cancellationToken) =>
        delivery.EditStatusAsync(progress is null ? job : job with { Progress = progress.Percent }, JobMessages.Running(job, progress?.Percent ?? 0), JobMessages.CancelRow(job), progress?.Preview, cancellationToken);

    public Task ShowRetryingAsync(Job job, string reason, CancellationToken cancellationToken) =>
        delivery.EditStatusAsync(job, JobMessages.Retrying(job, reason), JobMessages.CancelRow(job), null, cancellationToken);

    public Task ShowRestartedAsync(Job job, CancellationToken cancellationToken) =>
        delivery.EditStatusAsync(job, JobMessages.Restarted(job), JobMessages.CancelRow(job), null, cancellationToken);

    public Task<Job> DeliverResultAsync(Job job, CancellationToken cancellationToken) => delivery.DeliverResultAsync(job, cancellationToken);

    public Task ReportBlockedImagesAsync(Job job, CancellationToken cancellationToken) => delivery.ReportBlockedImagesAsync(job, cancellationToken);

    public Task<Job> DeliverEndAsync(Job job, CancellationToken cancellationToken) =>
        delivery.DeliverEndAsync(job, job.Status switch
        {
            JobStatus.Cancelled => JobMessages.Cancelled(job),
            JobStatus.Blocked => JobMessages.Blocked(job),
            _ => JobMessages.Failed(job),
        }, cancellationToken);
}
