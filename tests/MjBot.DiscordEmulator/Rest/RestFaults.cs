namespace MjBot.DiscordEmulator.Rest;

/// <summary>Faults a test injects into the REST side: the next N answers (on one route template, or any) replaced by
/// a 5xx, and a delay before every answer.</summary>
public sealed class RestFaults
{
    private readonly Lock _gate = new();
    private readonly List<(string? Route, int Status, int Left)> _failures = [];

    /// <summary>Gets or sets a delay added before every answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (500, 502 …).</summary>
    /// <param name="status">The status.</param>
    /// <param name="count">How many requests.</param>
    /// <param name="route">A route template such as <c>/channels/{channel_id}/messages</c>, or any route.</param>
    public void Fail(int status, int count, string? route = null)
    {
        lock (_gate)
        {
            _failures.Add((route, status, count));
        }
    }

    internal int? Take(string route)
    {
        lock (_gate)
        {
            for (var i = 0; i < _failures.Count; i++)
            {
                var (target, status, left) = _failures[i];
                if (target is null || target == route)
                {
                    if (left <= 1)
                    {
                        _failures.RemoveAt(i);
                    }
                    else
                    {
                        _failures[i] = (target, status, left - 1);
                    }

                    return status;
                }
            }

            return null;
        }
    }
}
