using MjBot.Core.Generation;
using MjBot.Core.Jobs;

namespace MjBot.Core.Ports;

/// <summary>How members are told where their jobs stand: the job's status message while it waits and runs, then
/// its result or the reason it ended. What the words are and where they are posted is the implementation's.</summary>
public interface IJobNotifier
{
    /// <summary>Shows a newly queued job waiting at its place; gives the status message's id when one was made.</summary>
    Task<ulong?> ShowQueuedAsync(Job job, int position, TimeSpan? eta, CancellationToken cancellationToken);

    /// <summary>Posts a status message of its own for a job that has no interaction reply to use.</summary>
    Task<ulong?> PostStatusAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Shows a waiting job's new place in the queue; false when the edit did not land.</summary>
    Task<bool> ShowPositionAsync(Job job, int position, TimeSpan? eta, CancellationToken cancellationToken);

    /// <summary>Shows a job running, with the backend's progress (and preview) when it has reported any.</summary>
    Task ShowRunningAsync(Job job, GenerationProgress? progress, CancellationToken cancellationToken);

    /// <summary>Shows a job gone back to the queue after a failure it will retry.</summary>
    Task ShowRetryingAsync(Job job, string reason, CancellationToken cancellationToken);

    /// <summary>Shows a job that was running when the bot stopped, queued again at the start.</summary>
    Task ShowRestartedAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Posts a succeeded job's images; gives the job as delivered (with its result message).</summary>
    Task<Job> DeliverResultAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Shows the moderators (the server's review channel, behind a spoiler) the images of a job the safety
    /// checker blocked; nothing where the server has no review channel.</summary>
    Task ReportBlockedImagesAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Tells the member a job ended without images (cancelled, blocked or failed, by its status); gives the
    /// job as delivered.</summary>
    Task<Job> DeliverEndAsync(Job job, CancellationToken cancellationToken);
}
