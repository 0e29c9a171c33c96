using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class ThrottledProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<int> _shown = Channel.CreateUnbounded<int>();

    private ThrottledProgress Progress() => new((p, _) =>
    {
        _shown.Writer.TryWrite(p.Percent);
        return Task.CompletedTask;
    }, Interval, _time, CancellationToken.None);

    [Fact]
    public async Task Report_First_ShownAtOnce()
    {
        var progress = Progress();

        progress.Report(new GenerationProgress(10, null));

        Assert.Equal(10, await _shown.Reader.ReadAsync());
    }

    [Fact]
    public async Task Report_SeveralWithinTheInterval_OnlyTheLatestShownWhenTheIntervalEnds()
    {
        var progress = Progress();
        progress.Report(new GenerationProgress(10, null));
        Assert.Equal(10, await _shown.Reader.ReadAsync());

        progress.Report(new GenerationProgress(20, null));
        progress.Report(new GenerationProgress(30, null));
        Assert.False(_shown.Reader.TryRead(out _));
        _time.Advance(Interval);

        Assert.Equal(30, await _shown.Reader.ReadAsync());
        Assert.False(_shown.Reader.TryRead(out _));
    }

    [Fact]
    public async Task DrainAsync_ReportWaitingForTheInterval_NeverShown()
    {
        var progress = Progress();
        progress.Report(new GenerationProgress(10, null));
        Assert.Equal(10, await _shown.Reader.ReadAsync());
        progress.Report(new GenerationProgress(50, null));

        var draining = progress.DrainAsync();
        _time.Advance(Interval);
        await draining;
        progress.Report(new GenerationProgress(90, null));
        _time.Advance(Interval);

        Assert.False(_shown.Reader.TryRead(out _));
    }

    [Fact]
    public async Task DrainAsync_ShowThatFailed_DoesNotThrow()
    {
        var progress = new ThrottledProgress(static (_, _) => Task.FromException(new InvalidOperationException("edit refused")), Interval, _time, CancellationToken.None);
        progress.Report(new GenerationProgress(10, null));

        await progress.DrainAsync();
    }
}
