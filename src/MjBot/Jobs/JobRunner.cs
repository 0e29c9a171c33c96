using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Gateway;
using MjBot.Logging;

namespace MjBot.Jobs;

/// <summary>The pipeline's loop. At start (once the bot knows its application id): jobs left Running by a crash go
/// back to the queue (or fail after their last attempt) and say so; finished jobs never posted are posted. Then:
/// start whatever the fair scheduler picks while backends have free slots, and refresh waiting messages' place in line.</summary>
internal sealed class JobRunner(
    IJobStore jobs,
    JobQueue queue,
    JobExecutor executor,
    IJobNotifier notifier,
    BackendRegistry backends,
    EtaEstimator eta,
    BotIdentity identity,
    TimeProvider time,
    IOptions<OperationsOptions> operations,
    ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan PositionRefresh = TimeSpan.FromSeconds(5);
    private const int MaxEditsPerRefresh = 10;

    // Every line logged while a job runs carries its id (a scope; the console formatters include scopes).
    private static readonly Func<ILogger, string, IDisposable?> JobScope = LoggerMessage.DefineScope<string>("job {JobId}");
    private readonly Dictionary<JobId, int> _announced = [];
    private readonly List<Task> _runs = [];

    // Running jobs are not stopped with the loop: they get Operations:ShutdownGraceSeconds to finish first.
    private readonly CancellationTokenSource _drain = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await identity.ApplicationId.WaitAsync(stoppingToken);
        await RecoverAsync(stoppingToken);
        var concurrency = backends.All.ToDictionary(static b => b.Name, static b => b.Concurrency, StringComparer.Ordinal);
        var lastRefresh = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            while (queue.TryStartNext(concurrency) is { } start)
            {
                _runs.Add(RunAsync(start.Job, start.Cancel.Token, _drain.Token));
            }

            _runs.RemoveAll(static t => t.IsCompleted);
            await queue.WaitForChangeAsync(PositionRefresh, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (time.GetUtcNow() - lastRefresh >= PositionRefresh)
            {
                lastRefresh = time.GetUtcNow();
                await RefreshPositionsAsync(stoppingToken);
            }
        }

        // A stop (SIGTERM): nothing new starts; running jobs may finish within the grace period. Jobs still running
        // then stay Running in the database, and the next start puts them back in the queue.
        var running = _runs.Count(static t => !t.IsCompleted);
        var grace = TimeSpan.FromSeconds(operations.Value.ShutdownGraceSeconds);
        if (running > 0)
        {
            logger.Draining(running, (int)grace.TotalSeconds);
        }

        _drain.CancelAfter(grace);
        await Task.WhenAll(_runs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _drain.Dispose();
    }

    private async Task RunAsync(Job job, CancellationToken cancelled, CancellationToken stopping)
    {
        await Task.Yield();
        using var scope = JobScope(logger, job.Id.ToString());
        var ended = job;
        try
        {
            ended = await executor.RunAsync(job, cancelled, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The executor reports every failure to the member itself; reaching here means saving or posting the
            // outcome failed. The job stays as saved (a restart finishes it) and is not started again in this run,
            // so a fault cannot loop.
            logger.JobRunCrashed(job.Id.ToString(), ex);
            ended = job with { Status = JobStatus.Running };
        }
        finally
        {
            queue.Finished(ended);
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var requeued = 0;
        foreach (var job in await jobs.ActiveAsync(cancellationToken))
        {
            var current = job;
            if (job.Status == JobStatus.Running)
            {
                if (job.Attempts >= JobLimits.MaxAttempts)
                {
                    current = JobTransitions.Move(job, JobStatus.Failed, time.GetUtcNow(), MessageCatalogue.Default.For(job.Locale).Text("failure.interrupted", ("count", job.Attempts)));
                    await jobs.UpdateAsync(current, cancellationToken);
                    await notifier.DeliverEndAsync(current, cancellationToken);
                    continue;
                }

                current = JobTransitions.Move(job, JobStatus.Queued, time.GetUtcNow());
                await jobs.UpdateAsync(current, cancellationToken);
                await notifier.ShowRestartedAsync(current, cancellationToken);
                requeued++;
            }

            queue.Enqueue(current, reserved: false);
        }

        var undelivered = await jobs.UndeliveredAsync(cancellationToken);
        foreach (var job in undelivered)
        {
            try
            {
                _ = job.Status == JobStatus.Succeeded
                    ? await notifier.DeliverResultAsync(job, cancellationToken)
                    : await notifier.DeliverEndAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.JobRunCrashed(job.Id.ToString(), ex);
            }
        }

        logger.Recovered(requeued, undelivered.Count);
    }

    private async Task RefreshPositionsAsync(CancellationToken cancellationToken)
    {
        var edits = 0;
        var positions = queue.Positions();
        foreach (var (job, position) in positions)
        {
            if (_announced.TryGetValue(job.Id, out var shown) && shown == position)
            {
                continue;
            }

            // At most ten edits a round (Discord's edit limits); the rest stay unrecorded, so the next round shows them.
            if (edits >= MaxEditsPerRefresh)
            {
                break;
            }

            // Jobs start only on this loop, so a job still waiting now cannot start before this edit lands; a running
            // job's progress must never be overwritten by "Waiting to start".
            if (!queue.IsWaiting(job.Id))
            {
                continue;
            }

            edits++;
            if (await notifier.ShowPositionAsync(job, position, await eta.ForPositionAsync(job.Backend, position, cancellationToken), cancellationToken))
            {
                _announced[job.Id] = position;
            }
        }

        var waiting = positions.Select(static p => p.Job.Id).ToHashSet();
        foreach (var gone in _announced.Keys.Where(id => !waiting.Contains(id)).ToList())
        {
            _announced.Remove(gone);
        }
    }
}
