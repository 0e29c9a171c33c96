using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

public sealed class SafetyRulesTests
{
    [Theory]
    [InlineData(SafetyPolicy.Block, false, false, SafetyVerdict.Post)]
    [InlineData(SafetyPolicy.Block, true, false, SafetyVerdict.Block)]
    [InlineData(SafetyPolicy.Block, true, true, SafetyVerdict.Block)]
    [InlineData(SafetyPolicy.Spoiler, true, false, SafetyVerdict.PostSpoilered)]
    [InlineData(SafetyPolicy.AgeRestricted, true, true, SafetyVerdict.Post)]
    [InlineData(SafetyPolicy.AgeRestricted, true, false, SafetyVerdict.Block)]
    [InlineData(SafetyPolicy.AgeRestricted, false, false, SafetyVerdict.Post)]
    public void Decide_PolicyFlagAndChannel_Verdict(SafetyPolicy policy, bool flagged, bool ageRestricted, SafetyVerdict expected) =>
        Assert.Equal(expected, SafetyRules.Decide(policy, flagged, ageRestricted));

    [Theory]
    [InlineData(null, true, SafetyPolicy.Block)]
    [InlineData(null, false, null)]
    [InlineData(SafetyPolicy.Spoiler, false, SafetyPolicy.Spoiler)]
    public void PolicyFor_ChosenAndChecker_ThePolicyInForce(SafetyPolicy? chosen, bool checker, SafetyPolicy? expected) =>
        Assert.Equal(expected, SafetyRules.PolicyFor(chosen, checker));
}
