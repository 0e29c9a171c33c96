using System.Diagnostics;

namespace MjBot.Benchmarks;

/// <summary>The median wall time of a piece of work, after one warm-up run, over runs one after the other.</summary>
internal static class MedianTiming
{
    public static double Of(int iterations, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
