namespace MjBot.Testing;

/// <summary>The one way tests wait for something that happens on its own time (a message posted, a socket closed):
/// the condition is checked every 10 ms until it holds, and the test fails naming what it waited for after the
/// timeout, or at once when the thing it watches has stopped (a host that exited). No test sleeps a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="what">What is waited for, for the failure message.</param>
    /// <param name="timeout">How long at most; 20 s by default.</param>
    /// <param name="stopped">Says why waiting is pointless now (the watched process ended), or null to go on.</param>
    /// <param name="details">More for the failure message (a log), read only when it fails.</param>
    /// <exception cref="TimeoutException">The condition did not hold in time, or <paramref name="stopped"/> said why not.</exception>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string?>? stopped = null, Func<string>? details = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout, stopped, details);

    /// <summary>Waits until an asynchronous <paramref name="condition"/> holds (an HTTP answer, say).</summary>
    /// <exception cref="TimeoutException">The condition did not hold in time, or <paramref name="stopped"/> said why not.</exception>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string?>? stopped = null, Func<string>? details = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (stopped?.Invoke() is { } why)
            {
                throw new TimeoutException($"Stopped waiting for {what}: {why}{Details(details)}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.{Details(details)}");
            }

            await Task.Delay(Poll);
        }
    }

    private static string Details(Func<string>? details) => details is null ? string.Empty : "\n" + details();
}
