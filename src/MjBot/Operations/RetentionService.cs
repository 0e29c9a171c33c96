using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Logging;
using MjBot.Storage;

namespace MjBot.Operations;

/// <summary>Once a day (the first time a minute after start) deletes jobs and images older than
/// <c>Operations:RetentionDays</c> (0: never), keeping favourites and what they were made from.</summary>
internal sealed class RetentionService(SqliteDatabase database, string imagesFolder, IOptions<OperationsOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days == 0)
        {
            return;
        }

        await Task.Delay(FirstRun, time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var cutoff = time.GetUtcNow() - TimeSpan.FromDays(days);
            try
            {
                var (jobs, files) = await SqliteRetention.PurgeAsync(database, imagesFolder, cutoff, stoppingToken);
                logger.RetentionRan(days, jobs, files);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                logger.RetentionFailed(ex);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
