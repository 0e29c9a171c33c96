namespace MjBot.Core.Moderation;

/// <summary>What a server does with a local model's image that the safety checker flags (<c>/modconfig safety</c>).</summary>
public enum SafetyPolicy
{
    /// <summary>Never posted: the member is told, the moderators see it on the review desk behind a spoiler.</summary>
    Block,

    /// <summary>Posted behind a spoiler.</summary>
    Spoiler,

    /// <summary>Posted in age-restricted channels (Discord's channel flag; a DM never is one); blocked elsewhere.</summary>
    AgeRestricted,
}
