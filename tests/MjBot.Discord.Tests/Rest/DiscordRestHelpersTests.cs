using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Rest;

/// <summary>The interaction and channel-message helpers against a real HTTP server on loopback.</summary>
public sealed class DiscordRestHelpersTests
{
    private const string Token = "aW50ZXJhY3Rpb246MTIzOmFiYw";
    private static readonly Snowflake App = new(290926444748734465);
    private static readonly Snowflake Channel = new(645027906669510667);

    [Fact]
    public async Task RespondAsync_Deferral_PostsTheCallback()
    {
        await using var server = await Server();

        await LoopbackDiscord.Client(server).RespondAsync(new Snowflake(786008729715212338), Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/interactions/786008729715212338/{Token}/callback"), (request.Method, request.Path));
        Assert.Equal(5, JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task RespondAsync_OverTheLimits_IsRefusedWithoutARequest()
    {
        await using var server = await Server();
        var response = new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = new string('x', 2001) });

        await Assert.ThrowsAsync<DiscordLimitException>(() => LoopbackDiscord.Client(server).RespondAsync(new Snowflake(1), Token, response, CancellationToken.None));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task EditOriginalAsync_WithTheGrid_PatchesOriginalAsMultipart()
    {
        await using var server = await Server();

        var message = await LoopbackDiscord.Client(server).EditOriginalAsync(App, Token, new MessageBody { Content = "**a red fox** - <@1> (fast)" },
            [new UploadFile("grid.png", new byte[] { 137, 80, 78, 71 })], MessageLimits.DefaultFileBytes, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", $"/webhooks/{App}/{Token}/messages/@original"), (request.Method, request.Path));
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"grid.png\"}]", request.Body, StringComparison.Ordinal);
        Assert.Equal(9UL, message.Id.Value);
    }

    [Fact]
    public async Task OriginalAndFollowUp_UseTheWebhookPaths()
    {
        await using var server = await Server();
        var sut = LoopbackDiscord.Client(server);

        await sut.GetOriginalAsync(App, Token, CancellationToken.None);
        await sut.FollowUpAsync(App, Token, new MessageBody { Content = "Job 42 is queued", Flags = MessageBody.Ephemeral }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        await sut.DeleteOriginalAsync(App, Token, CancellationToken.None);

        Assert.Equal(
            [$"GET /webhooks/{App}/{Token}/messages/@original", $"POST /webhooks/{App}/{Token}?wait=true", $"DELETE /webhooks/{App}/{Token}/messages/@original"],
            server.Requests.Select(static r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task ChannelMessages_ReplyEditAndDelete_UseTheBotTokenRoutes()
    {
        await using var server = await Server();
        var sut = LoopbackDiscord.Client(server);
        var reply = new ChannelMessageBody
        {
            Content = "**a red fox** - <@1> (fast)",
            MessageReference = new MessageReference(new Snowflake(5)) { FailIfNotExists = false },
            AllowedMentions = new AllowedMentions([]) { Users = [new Snowflake(1)] },
        };

        await sut.CreateMessageAsync(Channel, reply, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        await sut.EditMessageAsync(Channel, new Snowflake(9), new MessageBody { Content = "(Waiting to start)" }, CancellationToken.None);
        await sut.DeleteMessageAsync(Channel, new Snowflake(9), CancellationToken.None);

        var requests = server.Requests.ToList();
        Assert.Equal([$"POST /channels/{Channel}/messages", $"PATCH /channels/{Channel}/messages/9", $"DELETE /channels/{Channel}/messages/9"], requests.Select(static r => $"{r.Method} {r.Path}"));
        Assert.Equal("5", JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.All(requests, static r => Assert.StartsWith("Bot ", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyAndEditBodies_ValidateAgainstTheOpenApiDocument()
    {
        await using var server = await Server();
        var sut = LoopbackDiscord.Client(server);
        await sut.CreateMessageAsync(Channel, new ChannelMessageBody { Content = "done", MessageReference = new MessageReference(new Snowflake(5)) { FailIfNotExists = false } }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        await sut.EditOriginalAsync(App, Token, new MessageBody { Content = "(31%)", AllowedMentions = new AllowedMentions([]) }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);

        var bodies = server.Requests.Select(static r => r.Body).ToList();

        Assert.Empty(OpenApiValidator.Problems("create_message", bodies[0]));
        Assert.Empty(OpenApiValidator.Problems("update_original_webhook_message", bodies[1]));
    }

    private static Task<LoopbackHttpServer> Server() => LoopbackHttpServer.StartAsync(static async (context, request) =>
    {
        if (request.Method == "DELETE" || request.Path.EndsWith("/callback", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 204;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"9","channel_id":"645027906669510667","content":"ok"}""");
    });

}
