using Microsoft.Extensions.Time.Testing;

namespace MjBot.Testing;

/// <summary>A FakeTimeProvider that counts the timers made on it (every <c>Task.Delay(…, time)</c> is one), so a test
/// can wait until the code under test is really waiting before it moves time, instead of guessing when that is.</summary>
public sealed class CountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    /// <summary>Gets how many timers were made so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
