using MjBot.Core.Moderation;
using MjBot.Core.Settings;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Moderation;

public sealed class GuildRulesTests
{
    private static readonly ModerationDefaults OnByDefault = new(UseDefaultList: true, RegexTimeout: TimeSpan.FromSeconds(2));
    private readonly InMemoryModerationStore _store = new();
    private readonly InMemorySettingsStore _settings = new();
    private readonly List<(ulong Guild, DisallowRule Rule)> _skipped = [];

    private GuildRules Rules(ModerationDefaults? defaults = null) => new(_store, _settings, defaults ?? OnByDefault, (g, r) => _skipped.Add((g, r)));

    private static DisallowRule Own(string term, MatchMode mode = MatchMode.Word) => new(term, mode, RuleAction.Block, DisallowRule.ServerRulesCategory);

    [Fact]
    public async Task InForceAsync_DefaultListOn_BuiltInFirstThenTheServersOwn()
    {
        await _store.PutRuleAsync(7, Own("pineapple"), CancellationToken.None);

        var rules = await Rules().InForceAsync(7, CancellationToken.None);

        Assert.Equal([.. DefaultDisallowList.Rules, Own("pineapple")], rules);
    }

    [Fact]
    public async Task InForceAsync_ServerSwitchedTheListOffOrHostDefaultOff_OnlyTheServersOwn()
    {
        await _store.PutRuleAsync(7, Own("pineapple"), CancellationToken.None);
        await _store.PutRuleAsync(8, Own("mango"), CancellationToken.None);
        _settings.Guilds[7] = GuildSettings.Default with { UseDefaultList = false };
        var offByDefault = Rules(OnByDefault with { UseDefaultList = false });

        Assert.Equal([Own("pineapple")], await Rules().InForceAsync(7, CancellationToken.None));
        Assert.Equal([Own("mango")], await offByDefault.InForceAsync(8, CancellationToken.None));
    }

    [Fact]
    public async Task ForGuildAsync_AskedTwice_CompilesOnceUntilInvalidated()
    {
        await _store.PutRuleAsync(7, Own("pineapple"), CancellationToken.None);
        var rules = Rules();

        var first = await rules.ForGuildAsync(7, CancellationToken.None);
        var again = await rules.ForGuildAsync(7, CancellationToken.None);
        await _store.PutRuleAsync(7, Own("mango"), CancellationToken.None);
        rules.Invalidate(7);
        var after = await rules.ForGuildAsync(7, CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(2, _store.RuleReads);
        Assert.IsType<ModerationVerdict.Pass>(first.Check(["a mango tree"]));
        Assert.IsType<ModerationVerdict.Matched>(after.Check(["a mango tree"]));
    }

    [Fact]
    public async Task ForGuildAsync_StoredRegexThatNoLongerCompiles_IsSkippedAndReported()
    {
        await _store.PutRuleAsync(7, Own("([unclosed", MatchMode.Regex), CancellationToken.None);
        await _store.PutRuleAsync(7, Own("pineapple"), CancellationToken.None);

        var set = await Rules().ForGuildAsync(7, CancellationToken.None);

        Assert.Equal((7UL, Own("([unclosed", MatchMode.Regex)), Assert.Single(_skipped));
        Assert.IsType<ModerationVerdict.Matched>(set.Check(["pineapple pizza"]));
    }
}
