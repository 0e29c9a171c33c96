using System.Text.Json;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Tests.Models;

public sealed class DiscordErrorFixtureTests
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    [Fact]
    public void FieldErrors_ArrayTree_GivesDottedPaths()
    {
        var error = DiscordFixtures.Parse("error_50035_array.json", Json.DiscordErrorResponse);

        Assert.Equal(50035, error.Code);
        Assert.Equal(
            [new DiscordFieldError("activities.0.platform", "BASE_TYPE_CHOICES", "Value must be one of ('desktop', 'android', 'ios')."),
             new DiscordFieldError("activities.0.type", "BASE_TYPE_CHOICES", "Value must be one of (0, 1, 2, 3, 4, 5).")],
            error.FieldErrors());
    }

    [Fact]
    public void FieldErrors_ObjectTree_GivesTheField()
    {
        var error = DiscordFixtures.Parse("error_50035_object.json", Json.DiscordErrorResponse);

        Assert.Equal([new DiscordFieldError("access_token", "BASE_TYPE_REQUIRED", "This field is required")], error.FieldErrors());
    }

    [Fact]
    public void FieldErrors_OnTheWholeRequest_NameTheBody()
    {
        var error = DiscordFixtures.Parse("error_50035_request.json", Json.DiscordErrorResponse);

        Assert.Equal([new DiscordFieldError("(body)", "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)")], error.FieldErrors());
    }

    [Fact]
    public void GenericError_HasCodeAndNoFieldErrors()
    {
        var error = DiscordFixtures.Parse("error_generic_50014.json", Json.DiscordErrorResponse);

        Assert.Equal(50014, error.Code);
        Assert.Empty(error.FieldErrors());
    }

    [Theory]
    [InlineData("rate_limit_429_user.json", false)]
    [InlineData("rate_limit_429_shared.json", false)]
    [InlineData("rate_limit_429_global.json", true)]
    public void RateLimitBodies_GiveRetryAfterAndScope(string name, bool global)
    {
        var transcript = JsonDocument.Parse(DiscordFixtures.Read(name)).RootElement;

        var body = transcript.GetProperty("body").Deserialize(Json.RateLimitResponse)!;

        Assert.Equal(429, transcript.GetProperty("status").GetInt32());
        Assert.Equal(global, body.Global);
        Assert.True(body.RetryAfter > 0);
    }
}
