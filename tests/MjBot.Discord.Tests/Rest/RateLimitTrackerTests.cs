using Microsoft.Extensions.Time.Testing;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Tests.Rest;

public sealed class RateLimitTrackerTests
{
    private static readonly RouteKey Messages = new("POST", "/channels/{channel_id}/messages", "111");
    private static readonly RouteKey OtherChannel = Messages with { MajorParameter = "222" };
    private static readonly RouteKey Edit = new("PATCH", "/channels/{channel_id}/messages/{message_id}", "111");
    private static readonly RouteKey Callback = new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", "999");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_UnknownRoute_MayGoAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, Sut().Reserve(Messages));
    }

    [Fact]
    public void Reserve_BucketSpent_WaitsForItsReset()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(200, "abcd", Remaining: 0, ResetAfter: 2.5));

        Assert.Equal(TimeSpan.FromSeconds(2.5), sut.Reserve(Messages));
        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages));
    }

    [Fact]
    public void Reserve_CountsDownWhatTheBucketHasLeft()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(200, "abcd", Remaining: 2, ResetAfter: 10));

        Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages));
        Assert.Equal(TimeSpan.FromSeconds(10), sut.Reserve(Messages));
    }

    [Fact]
    public void Reserve_RoutesSharingABucketHash_ShareItsLimitPerMajorParameter()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(200, "shared", Remaining: 0, ResetAfter: 3));
        sut.Update(Edit, new RateLimitHeaders(200, "shared"));

        Assert.Equal(TimeSpan.FromSeconds(3), sut.Reserve(Edit));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(OtherChannel));
    }

    [Fact]
    public void Update_RouteLevel429_HoldsThatRouteOnly()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(429, "abcd", Remaining: 0, RetryAfter: 1.5, Scope: "user"));

        Assert.Equal(TimeSpan.FromSeconds(1.5), sut.Reserve(Messages));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(OtherChannel));
    }

    [Fact]
    public void Update_Global429_HoldsEveryRouteButInteractionEndpoints()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(429, RetryAfter: 64.57, Global: true, Scope: "global"));

        Assert.Equal(TimeSpan.FromSeconds(64.57), sut.Reserve(OtherChannel));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Callback));
    }

    [Fact]
    public void Reserve_GlobalLimit_AllowsFiftyPerSecondAndExemptsInteractions()
    {
        var sut = Sut();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages with { MajorParameter = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        Assert.Equal(TimeSpan.FromSeconds(1), sut.Reserve(OtherChannel));
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(TimeSpan.Zero, sut.Reserve(Callback)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(OtherChannel));
    }

    [Fact]
    public void Reserve_TooManyInvalidAnswers_StopsEverythingUntilTheWindowClears()
    {
        var sut = Sut(invalidLimit: 5);
        for (var i = 0; i < 4; i++)
        {
            sut.Update(Messages, new RateLimitHeaders(i % 2 == 0 ? 401 : 403));
        }

        sut.Update(Messages, new RateLimitHeaders(429, RetryAfter: 0, Scope: "shared")); // Discord's doing: not counted
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Callback));
        sut.Update(Messages, new RateLimitHeaders(403));

        Assert.Equal(TimeSpan.FromMinutes(10), sut.Reserve(Callback));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Callback));
    }

    [Fact]
    public void Reserve_AfterTheReset_TheBucketIsOpenUntilDiscordSaysOtherwise()
    {
        var sut = Sut();
        sut.Update(Messages, new RateLimitHeaders(200, "abcd", Remaining: 0, ResetAfter: 1));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(Messages));
    }

    private RateLimitTracker Sut(int invalidLimit = 1000) => new(_time, new RateLimitOptions { InvalidRequestsPerTenMinutes = invalidLimit });
}
