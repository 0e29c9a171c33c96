using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Rest;

/// <summary>The REST client against a real HTTP server on loopback.</summary>
public sealed class DiscordRestClientTests
{
    private const string Token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6";
    private static readonly RouteKey Messages = new("POST", "/channels/{channel_id}/messages", "111");
    private static readonly RouteKey Callback = new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", "1");
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    [Fact]
    public async Task Send_Message_CarriesBotAuthorizationUserAgentAndTheJsonBody()
    {
        await using var server = await LoopbackHttpServer.StartAsync(static (context, _) =>
            Reply(context, 200, """{"id":"5","channel_id":"111","content":"hi"}""", ("X-RateLimit-Bucket", "abc"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "1")));
        var sut = LoopbackDiscord.Client(server, Token);

        var message = await sut.SendAsync(HttpMethod.Post, Messages, "channels/111/messages", new InteractionCallbackData { Content = "hi" }, Json.InteractionCallbackData, Json.Message, CancellationToken.None);

        Assert.Equal(5UL, message.Id.Value);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/channels/111/messages"), (request.Method, request.Path));
        Assert.Equal("Bot " + Token, request.Headers["Authorization"]);
        Assert.Equal(DiscordRestClient.UserAgent, request.Headers["User-Agent"]);
        Assert.Equal("hi", JsonDocument.Parse(request.Body).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Send_429ThenSuccess_RetriesAfterTheTimeDiscordNames()
    {
        var answered = 0;
        await using var server = await LoopbackHttpServer.StartAsync((context, _) => Interlocked.Increment(ref answered) == 1
            ? Reply(context, 429, """{"message":"You are being rate limited.","retry_after":0.05,"global":false}""", ("X-RateLimit-Scope", "user"), ("X-RateLimit-Bucket", "abc"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.05"))
            : Reply(context, 200, """{"id":"6","channel_id":"111"}"""));

        var message = await LoopbackDiscord.Client(server, Token).SendAsync(HttpMethod.Post, Messages, "channels/111/messages", new InteractionCallbackData { Content = "x" }, Json.InteractionCallbackData, Json.Message, CancellationToken.None);

        Assert.Equal(6UL, message.Id.Value);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_502ThenSuccess_IsRetried()
    {
        var answered = 0;
        await using var server = await LoopbackHttpServer.StartAsync((context, _) => Interlocked.Increment(ref answered) == 1
            ? Reply(context, 502, "<html>Bad Gateway</html>", contentType: "text/html")
            : Reply(context, 204, null));

        await LoopbackDiscord.Client(server, Token).SendAsync(HttpMethod.Post, Callback, $"interactions/1/{InteractionToken}/callback", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), Json.InteractionResponse, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_InvalidFormBody_RaisesTheCodeAndFieldErrorsWithoutAnyToken()
    {
        await using var server = await LoopbackHttpServer.StartAsync(static (context, _) => Reply(context, 400,
            """{"code":50035,"message":"Invalid Form Body","errors":{"data":{"components":{"0":{"components":{"0":{"custom_id":{"_errors":[{"code":"BASE_TYPE_BAD_LENGTH","message":"Must be between 1 and 100 in length."}]}}}}}}}}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => LoopbackDiscord.Client(server, Token).SendAsync(HttpMethod.Post, Callback, $"interactions/1/{InteractionToken}/callback", new InteractionResponse(InteractionCallbackType.UpdateMessage), Json.InteractionResponse, CancellationToken.None));

        Assert.Equal((400, 50035), (error.Status, error.Code));
        Assert.Equal("data.components.0.components.0.custom_id", Assert.Single(error.FieldErrors).Path);
        Assert.Equal("Discord answered 400 (50035: Invalid Form Body) to POST /interactions/{interaction_id}/{interaction_token}/callback: data.components.0.components.0.custom_id: Must be between 1 and 100 in length.", error.Message);
        Assert.DoesNotContain(InteractionToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, """{"message":"Unknown interaction","code":10062}""", 10062)]
    [InlineData(400, """{"message":"Interaction has already been acknowledged.","code":40060}""", 40060)]
    [InlineData(401, """{"message":"Invalid Webhook Token","code":50027}""", 50027)]
    [InlineData(403, """{"message":"Missing Permissions","code":50013}""", 50013)]
    public async Task Send_RefusedInteraction_RaisesDiscordsCodeAtOnce(int status, string body, int code)
    {
        await using var server = await LoopbackHttpServer.StartAsync((context, _) => Reply(context, status, body));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => LoopbackDiscord.Client(server, Token).SendAsync(HttpMethod.Post, Callback, $"interactions/1/{InteractionToken}/callback", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), Json.InteractionResponse, CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_PersistentServerError_GivesUpAfterTheRetries()
    {
        await using var server = await LoopbackHttpServer.StartAsync(static (context, _) => Reply(context, 500, "{}"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => LoopbackDiscord.Client(server, Token, maxRetries: 2).SendAsync(HttpMethod.Post, Messages, "channels/111/messages", new InteractionCallbackData { Content = "x" }, Json.InteractionCallbackData, Json.Message, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }


    private static async Task Reply(HttpContext context, int status, string? body, params (string Name, string Value)[] headers) =>
        await Reply(context, status, body, "application/json", headers);

    private static async Task Reply(HttpContext context, int status, string? body, string contentType, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (body is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        }
    }
}
