using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Rest;

/// <summary>Multipart uploads against a real HTTP server on loopback, which parses the form as Kestrel does.</summary>
public sealed class DiscordRestUploadTests
{
    [Fact]
    public async Task Upload_NineMebibytes_IsSentAsPayloadJsonAndFilesPartsWithMatchingIds()
    {
        await using var server = await LoopbackHttpServer.StartAsync(static async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"7","channel_id":"111"}""");
        });
        var sut = LoopbackDiscord.Client(server);
        var grid = new byte[9 * 1024 * 1024];
        new Random(5).NextBytes(grid);
        var files = new[] { new UploadFile("grid.png", grid), new UploadFile("tile.png", new byte[1000]) };

        var message = await sut.CreateMessageAsync(new Snowflake(111), new ChannelMessageBody { Content = "**a red fox** - <@1> (fast)" }, files, MessageLimits.DefaultFileBytes, CancellationToken.None);

        Assert.Equal(7UL, message.Id.Value);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data", request.Headers["Content-Type"], StringComparison.Ordinal);
        var (payload, received) = await ParseFormAsync(request);
        var attachments = JsonDocument.Parse(payload!).RootElement.GetProperty("attachments");
        Assert.Equal(["0:grid.png", "1:tile.png"], attachments.EnumerateArray().Select(static a => $"{a.GetProperty("id").GetString()}:{a.GetProperty("filename").GetString()}"));
        Assert.Equal([("files[0]", "grid.png", 9L * 1024 * 1024), ("files[1]", "tile.png", 1000L)], received);
    }

    [Fact]
    public async Task Upload_ElevenMebibytes_IsRefusedBeforeSending()
    {
        await using var server = await LoopbackHttpServer.StartAsync(static (context, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<DiscordLimitException>(() => LoopbackDiscord.Client(server).CreateMessageAsync(
            new Snowflake(111), new ChannelMessageBody(), [new UploadFile("fox.png", new byte[11 * 1024 * 1024])], MessageLimits.DefaultFileBytes, CancellationToken.None));

        Assert.Equal("Not sent: fox.png is 11.0 MiB; Discord accepts at most 10.0 MiB per file here", error.Message);
        Assert.Empty(server.Requests);
    }


    // Parses the recorded multipart body with ASP.NET Core's own form reader: an independent multipart parser.
    private static async Task<(string? Payload, List<(string Name, string FileName, long Length)> Files)> ParseFormAsync(RecordedRequest request)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = request.Headers["Content-Type"];
        context.Request.Body = new MemoryStream(request.BodyBytes);
        var form = await context.Request.ReadFormAsync();
        return (form["payload_json"].ToString(), [.. form.Files.Select(static f => (f.Name, f.FileName, f.Length))]);
    }
}
