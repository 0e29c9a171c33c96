using MjBot.Core.Jobs;

namespace MjBot.Core.Moderation;

/// <summary>Applies a <see cref="JobQuota"/> to a member's recent jobs in one server.</summary>
public static class QuotaCheck
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Gets whether a job of this kind counts against quotas (upscales are crops of a finished grid).</summary>
    public static bool Counts(JobKind kind) => kind is not (JobKind.Upscale or JobKind.Select);

    /// <param name="quota">The server's quota.</param>
    /// <param name="recent">The member's jobs in this server over the last 24 hours, any order.</param>
    /// <param name="now">The current time.</param>
    /// <param name="adding">How many jobs the member is starting now (a permutation prompt starts several; /describe and
    /// /shorten start none, and no quota or cooldown holds them back).</param>
    public static QuotaVerdict Check(JobQuota quota, IEnumerable<Job> recent, DateTimeOffset now, int adding = 1)
    {
        ArgumentNullException.ThrowIfNull(quota);
        if (adding <= 0)
        {
            return QuotaVerdict.Allowed;
        }

        var times = recent.Where(j => Counts(j.Kind) && j.CreatedAt > now - Day).Select(j => j.CreatedAt).Order().ToList();
        if (quota.CooldownSeconds is { } cooldown && times.Count > 0 && times[^1] + TimeSpan.FromSeconds(cooldown) > now)
        {
            return new QuotaVerdict.Reached("cooldown", cooldown, times[^1] + TimeSpan.FromSeconds(cooldown));
        }

        return Window(quota.PerHour, "hour", Hour, times, now, adding)
            ?? Window(quota.PerDay, "day", Day, times, now, adding)
            ?? QuotaVerdict.Allowed;
    }

    private static QuotaVerdict? Window(int? limit, string name, TimeSpan window, List<DateTimeOffset> times, DateTimeOffset now, int adding)
    {
        if (limit is not { } max)
        {
            return null;
        }

        var inWindow = times.Where(t => t > now - window).ToList();
        if (inWindow.Count + adding <= max)
        {
            return null;
        }

        // Room for `adding` more opens when enough of the oldest jobs leave the window.
        var mustLeave = inWindow.Count + adding - max;
        var retryAt = mustLeave <= inWindow.Count ? inWindow[mustLeave - 1] + window : now + window;
        return new QuotaVerdict.Reached(name, max, retryAt);
    }
}
