using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Moderation;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Moderation;

public sealed class ModerationAuditTests
{
    [Fact]
    public async Task RecordAsync_AnAction_AppendsWhoWhatAndWhenToTheServersLog()
    {
        var store = new InMemoryModerationStore();
        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        await new ModerationAudit(store, new FakeTimeProvider(at)).RecordAsync(7, 42, "disallow add", "pineapple (word, block)", CancellationToken.None);

        Assert.Equal(new ModerationLogEntry(7, 42, "disallow add", "pineapple (word, block)", at), Assert.Single(store.Log));
    }
}
