namespace MjBot.Core.Moderation;

/// <summary>What becomes of a job's images after the safety checker judged them.</summary>
public enum SafetyVerdict
{
    Post,
    PostSpoilered,
    Block,
}
