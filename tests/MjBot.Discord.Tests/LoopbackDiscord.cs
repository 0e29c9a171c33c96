using Microsoft.AspNetCore.Http;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests;

/// <summary>A REST client pointed at a loopback server, and a server that always gives one answer.</summary>
internal static class LoopbackDiscord
{
    public static DiscordRestClient Client(LoopbackHttpServer server, string token = "a.b.c", int maxRetries = 3) =>
        new(new HttpClient(), new RateLimitTracker(TimeProvider.System, new RateLimitOptions()), TimeProvider.System,
            new DiscordOptions { ApiBaseAddress = server.Address, Token = token, MaxRetries = maxRetries });

    public static Task<LoopbackHttpServer> Answering(int status, string body) => LoopbackHttpServer.StartAsync(async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    });
}
