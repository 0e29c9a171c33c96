namespace MjBot.Core.Moderation;

/// <summary>The safety policy applied: which policy a job is under, and what a flag means for it.</summary>
public static class SafetyRules
{
    /// <summary>Gets the policy a job is under: the server's, or — when it chose none, and in DMs — Block whenever a
    /// checker is configured; null (no check) when neither is.</summary>
    public static SafetyPolicy? PolicyFor(SafetyPolicy? chosen, bool checkerConfigured) => chosen ?? (checkerConfigured ? SafetyPolicy.Block : null);

    /// <summary>Gets what becomes of a job's images when <paramref name="flagged"/> says whether any was flagged.</summary>
    public static SafetyVerdict Decide(SafetyPolicy policy, bool flagged, bool ageRestrictedChannel) => !flagged
        ? SafetyVerdict.Post
        : policy switch
        {
            SafetyPolicy.Spoiler => SafetyVerdict.PostSpoilered,
            SafetyPolicy.AgeRestricted when ageRestrictedChannel => SafetyVerdict.Post,
            _ => SafetyVerdict.Block,
        };
}
