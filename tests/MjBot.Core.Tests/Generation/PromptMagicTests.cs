using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Core.Settings;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Generation;

public sealed class PromptMagicTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemorySettingsStore _settings = new();
    private readonly CountingExpander _expander = new();

    private static Job JobOf(JobKind kind, ulong? guild = 7) => NewJob.ForMember(guild, 2, 3, kind, "a fox", "openai", 1, Noon);

    [Fact]
    public async Task ApplyAsync_OnForTheServer_FourCaptionsFromOneCall()
    {
        _settings.Guilds[7] = GuildSettings.Default with { PromptMagic = true };

        var request = await new PromptMagic(_settings, [_expander]).ApplyAsync(JobOf(JobKind.Imagine), Requests.AFox(JobKind.Imagine), CancellationToken.None);

        Assert.Equal(["a fox 1", "a fox 2", "a fox 3", "a fox 4"], request.Captions);
        Assert.Equal(1, _expander.Calls);
    }

    [Fact]
    public async Task ApplyAsync_MemberTurnedItOffOnAServerWithItOn_KeepsTheirWords()
    {
        _settings.Guilds[7] = GuildSettings.Default with { PromptMagic = true };
        _settings.Users[3] = UserSettings.Default with { PromptMagic = false };

        var request = await new PromptMagic(_settings, [_expander]).ApplyAsync(JobOf(JobKind.Reroll), Requests.AFox(JobKind.Reroll), CancellationToken.None);

        Assert.Empty(request.Captions);
        Assert.Equal(0, _expander.Calls);
    }

    [Fact]
    public async Task ApplyAsync_UpscaleOrNoRewriter_KeepsTheirWords()
    {
        _settings.Users[3] = UserSettings.Default with { PromptMagic = true };

        var upscale = await new PromptMagic(_settings, [_expander]).ApplyAsync(JobOf(JobKind.Upscale), Requests.AFox(JobKind.Upscale), CancellationToken.None);
        var none = await new PromptMagic(_settings, []).ApplyAsync(JobOf(JobKind.Imagine), Requests.AFox(JobKind.Imagine), CancellationToken.None);

        Assert.Empty(upscale.Captions);
        Assert.Empty(none.Captions);
        Assert.Equal(0, _expander.Calls);
    }

    private sealed class CountingExpander : IPromptExpander
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<string>> ExpandAsync(string prompt, int count, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(1, count).Select(i => $"{prompt} {i}")]);
        }
    }
}
