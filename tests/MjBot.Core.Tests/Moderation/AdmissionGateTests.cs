using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Settings;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Moderation;

public sealed class AdmissionGateTests
{
    private const ulong Guild = 7;
    private const ulong Channel = 70;
    private const ulong User = 700;
    private readonly InMemoryModerationStore _store = new();
    private readonly InMemorySettingsStore _settings = new();
    private readonly DurationsJobStore _jobs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    private AdmissionGate Gate() => new(_store, _settings, _jobs, new GuildRules(_store, _settings, new ModerationDefaults(true, TimeSpan.FromSeconds(2)), static (_, _) => { }), _time);

    private static MemberContext Member(bool moderator = false, ulong[]? roles = null, ulong? guild = Guild) => new(guild, Channel, User, moderator, roles ?? []);

    private void JobsAgo(params int[] minutes)
    {
        foreach (var ago in minutes)
        {
            _jobs.Jobs.Add(NewJob.ForMember(Guild, Channel, User, JobKind.Imagine, "a fox", "onnx", null, _time.GetUtcNow().AddMinutes(-ago)));
        }
    }

    [Fact]
    public async Task AdmitAsync_CleanPromptNoRules_Admitted()
    {
        Assert.IsType<AdmissionVerdict.Pass>(await Gate().AdmitAsync(Member(), ["a red fox in snow"], 1, CancellationToken.None));
    }

    [Fact]
    public async Task AdmitAsync_BannedMemberWithBadPrompt_BanComesFirstWithItsReason()
    {
        await _store.BanAsync(new MemberBan(Guild, User, "spam", 1, _time.GetUtcNow()), CancellationToken.None);
        _settings.Guilds[Guild] = GuildSettings.Default with { AllowedChannelIds = [71] };

        var verdict = await Gate().AdmitAsync(Member(), ["gore"], 1, CancellationToken.None);

        Assert.Equal("spam", Assert.IsType<AdmissionVerdict.Banned>(verdict).Reason);
    }

    [Fact]
    public async Task CheckMemberAsync_BanWithEmptyReason_ReasonIsNull()
    {
        await _store.BanAsync(new MemberBan(Guild, User, string.Empty, 1, _time.GetUtcNow()), CancellationToken.None);

        Assert.Null(Assert.IsType<AdmissionVerdict.Banned>(await Gate().CheckMemberAsync(Member(), 1, CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task AdmitAsync_ChannelNotOnTheAllowList_NamesTheAllowedChannels()
    {
        _settings.Guilds[Guild] = GuildSettings.Default with { AllowedChannelIds = [71, 72] };

        var verdict = await Gate().AdmitAsync(Member(), ["a fox"], 1, CancellationToken.None);

        Assert.Equal([71UL, 72UL], Assert.IsType<AdmissionVerdict.ChannelNotAllowed>(verdict).AllowedChannelIds);
    }

    [Fact]
    public async Task AdmitAsync_QuotaReached_SaysWhichLimitAndWhen()
    {
        _settings.Guilds[Guild] = GuildSettings.Default with { Quota = new JobQuota(PerHour: 2, PerDay: null, CooldownSeconds: null) };
        JobsAgo(10, 20);

        var verdict = Assert.IsType<AdmissionVerdict.QuotaReached>(await Gate().AdmitAsync(Member(), ["a fox"], 1, CancellationToken.None));

        Assert.Equal(_time.GetUtcNow().AddMinutes(40), verdict.Quota.RetryAt);
    }

    [Fact]
    public async Task AdmitAsync_SeveralJobsOverTheQuota_RefusedAllOrNone()
    {
        _settings.Guilds[Guild] = GuildSettings.Default with { Quota = new JobQuota(PerHour: 3, PerDay: null, CooldownSeconds: null) };
        JobsAgo(10);

        Assert.IsType<AdmissionVerdict.Pass>(await Gate().CheckMemberAsync(Member(), 2, CancellationToken.None));
        Assert.IsType<AdmissionVerdict.QuotaReached>(await Gate().CheckMemberAsync(Member(), 3, CancellationToken.None));
    }

    [Fact]
    public async Task CheckMemberAsync_ModeratorOrExemptRoleOverQuota_Admitted()
    {
        _settings.Guilds[Guild] = GuildSettings.Default with { Quota = new JobQuota(PerHour: 1, PerDay: null, CooldownSeconds: null), ExemptRoleIds = [5] };
        JobsAgo(1);

        Assert.IsType<AdmissionVerdict.QuotaReached>(await Gate().CheckMemberAsync(Member(roles: [4]), 1, CancellationToken.None));
        Assert.IsType<AdmissionVerdict.Pass>(await Gate().CheckMemberAsync(Member(moderator: true), 1, CancellationToken.None));
        Assert.IsType<AdmissionVerdict.Pass>(await Gate().CheckMemberAsync(Member(roles: [4, 5]), 1, CancellationToken.None));
    }

    [Fact]
    public async Task AdmitAsync_DisallowedWordEvenForModerators_StoppedWithTheRule()
    {
        var verdict = await Gate().AdmitAsync(Member(moderator: true), ["a scene of gore"], 1, CancellationToken.None);

        Assert.Equal("gore", Assert.IsType<AdmissionVerdict.Stopped>(verdict).Match.Rule.Term);
    }

    [Fact]
    public async Task AdmitAsync_DirectMessage_NoServerRulesApply()
    {
        Assert.IsType<AdmissionVerdict.Pass>(await Gate().AdmitAsync(Member(guild: null), ["a scene of gore"], 1, CancellationToken.None));
        Assert.Equal(0, _store.RuleReads);
    }
}
