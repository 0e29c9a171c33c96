using System.Diagnostics;
using System.Globalization;
using MjBot.Core.Jobs;
using MjBot.Storage;

namespace MjBot.Benchmarks;

/// <summary>"queue-transitions [N]": N jobs through the persisted state machine on a fresh SQLite file (WAL,
/// synchronous=NORMAL): enqueue (insert) → start (update) → complete (update), each a committed statement.</summary>
internal static class QueueTransitions
{
    public static async Task<int> RunAsync(int jobs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mjbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = await SqliteDatabase.OpenAsync(Path.Combine(folder, "mjbot.db"), CancellationToken.None);
            var store = new SqliteJobStore(database);
            var now = DateTimeOffset.UtcNow;
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < jobs; i++)
                {
                    var job = new Job
                    {
                        Id = JobId.New(),
                        Kind = JobKind.Imagine,
                        GuildId = 1,
                        ChannelId = 2,
                        UserId = (ulong)(i % 50),
                        Prompt = "a red fox in snow --ar 16:9 --s 250",
                        Backend = "onnx",
                        Seed = i,
                        CreatedAt = now,
                    };
                    await store.AddAsync(job, CancellationToken.None);
                    job = JobTransitions.Move(job, JobStatus.Running, now);
                    await store.UpdateAsync(job, CancellationToken.None);
                    job = JobTransitions.Move(job, JobStatus.Succeeded, now);
                    await store.UpdateAsync(job, CancellationToken.None);
                }

                clock.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {jobs} jobs × 3 transitions in {clock.Elapsed.TotalMilliseconds:0} ms = {jobs * 3 / clock.Elapsed.TotalSeconds:0} transitions/s"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }
}
