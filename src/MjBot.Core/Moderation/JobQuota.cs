namespace MjBot.Core.Moderation;

/// <summary>A server's per-member limits on jobs that generate images (upscales are crops and do not count).</summary>
/// <param name="PerHour">Jobs per member in any 60 minutes, or null for no limit.</param>
/// <param name="PerDay">Jobs per member in any 24 hours, or null for no limit.</param>
/// <param name="CooldownSeconds">Seconds a member waits between jobs, or null for none.</param>
public sealed record JobQuota(int? PerHour, int? PerDay, int? CooldownSeconds)
{
    public static JobQuota None { get; } = new(null, null, null);

    /// <summary>Gets whether any limit is set.</summary>
    public bool IsLimited => PerHour is not null || PerDay is not null || CooldownSeconds is not null;
}
