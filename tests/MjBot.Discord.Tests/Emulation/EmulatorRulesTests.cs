using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.DiscordEmulator;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>The emulator enforces Discord's documented rules on bodies a client might get wrong, answering as Discord
/// does (raw HTTP here, bypassing the client's own checks). The client's DiscordApiException reads those answers.</summary>
public sealed class EmulatorRulesTests
{
    [Fact]
    public async Task Callback_ContentOver2000_Is50035WithTheFieldInTheErrorTree()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));

        var (status, body) = await PostJsonAsync(bot.Emulator, $"interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = new string('x', 2001) } }.ToJsonString());

        Assert.Equal(400, status);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.Equal("BASE_TYPE_MAX_LENGTH", body["errors"]!["data"]!["content"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Callback_SixActionRowsAndALongCustomId_AreEachNamed()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));
        var rows = new JsonArray();
        for (var i = 0; i < 6; i++)
        {
            rows.Add(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "x", ["custom_id"] = i == 0 ? new string('c', 101) : $"b{i}" }) });
        }

        var (_, body) = await PostJsonAsync(bot.Emulator, $"interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["components"] = rows } }.ToJsonString());

        var errors = body["errors"]!["data"]!["components"]!;
        Assert.Equal("BASE_TYPE_MAX_LENGTH", errors["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("BASE_TYPE_MAX_LENGTH", errors["0"]!["components"]!["0"]!["custom_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task FollowUp_ElevenMiBFile_Is413With40005()
    {
        await using var bot = await ConnectedBot.StartAsync();
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        await emulated.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"content":"x","attachments":[{"id":0,"filename":"big.png"}]}""", Encoding.UTF8, "application/json"), "payload_json" },
            { new ByteArrayContent(new byte[11 * 1024 * 1024]), "files[0]", "big.png" },
        };

        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(bot.Emulator.RestBase, $"webhooks/{bot.Emulator.Options.ApplicationId}/{emulated.Token}?wait=true"), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal(40005, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChannelMessage_WithoutTheBotToken_Is401AndEmptyIs50006()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        using var http = new HttpClient();
        var path = $"channels/{DiscordEmulator.DiscordEmulator.ChannelId}/messages";

        using var anonymous = await http.PostAsync(new Uri(emulator.RestBase, path), new StringContent("""{"content":"x"}""", Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.RestBase, path)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", emulator.Options.Token);
        using var empty = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(50006, JsonNode.Parse(await empty.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateMessageAsync_BucketExhausted_WaitsInsteadOfSurfacingA429()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { MessageBucketLimit = 2, MessageBucketWindow = TimeSpan.FromMilliseconds(300) });
        var rest = new DiscordRestClient(new HttpClient(), new RateLimitTracker(TimeProvider.System, new RateLimitOptions()), TimeProvider.System, new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = emulator.Options.Token });

        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            rest.CreateMessageAsync(new Snowflake(DiscordEmulator.DiscordEmulator.ChannelId), new ChannelMessageBody { Content = $"m{i}" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None)));

        Assert.Equal(6, sent.Select(static m => m.Id).Distinct().Count());
        Assert.Equal(0, emulator.RateLimited);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_IsRetriedAfterTheWaitDiscordNamed()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { GlobalRequestsPerSecond = 1 });
        using var http = new HttpClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.RestBase, "users/@me"));
        first.Headers.Authorization = new AuthenticationHeaderValue("Bot", emulator.Options.Token);
        using var used = await http.SendAsync(first);

        // The client does not know the emulator's global limit (its own is 50/s): it meets a global 429 and waits it out.
        var rest = new DiscordRestClient(new HttpClient(), new RateLimitTracker(TimeProvider.System, new RateLimitOptions()), TimeProvider.System, new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = emulator.Options.Token });
        var me = await rest.GetCurrentUserAsync(CancellationToken.None);

        Assert.Equal("MjBot", me.Username);
        Assert.Equal([200, 429, 200], emulator.Calls.Where(static c => c.Route == "/users/@me").Select(static c => c.Status));
    }

    [Fact]
    public async Task RespondAsync_502Injected_IsRetriedAndLandsOnce()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        bot.Emulator.RestFaults.Fail(502, 1, "/interactions/{interaction_id}/{interaction_token}/callback");
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        var interaction = await bot.ReceivedAsync(emulated);

        await bot.Rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);

        Assert.Equal([502, 204], bot.Emulator.Calls.Where(static c => c.Route.EndsWith("/callback", StringComparison.Ordinal)).Select(static c => c.Status));
        Assert.Equal(1, emulated.ResponseAttempts);
    }

    [Fact]
    public async Task AddReaction_DispatchedOnlyToASessionWithTheReactionsIntent()
    {
        var reactions = 1 << 10;
        await using var with = await ConnectedBot.StartAsync(gateway: t => new MjBot.Discord.Gateway.GatewayClientOptions { Token = t, Intents = reactions });
        await using var without = await ConnectedBot.StartAsync();
        foreach (var bot in new[] { with, without })
        {
            var posted = await bot.Rest.CreateMessageAsync(new Snowflake(DiscordEmulator.DiscordEmulator.ChannelId), new ChannelMessageBody { Content = "grid" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
            await bot.Emulator.AddReactionAsync(posted.Id.Value, "✉️");
        }

        await with.UntilAsync(() => with.Gateway.Counters.Dispatches == 2, "READY and the reaction");

        // A session's dispatches arrive in order: once a later interaction reached the session without the intent,
        // the reaction would have arrived before it.
        await without.Emulator.RunSlashCommandAsync("imagine");
        await without.UntilAsync(() => without.Gateway.Counters.Dispatches == 2, "the interaction after the reaction");

        Assert.Equal(2, without.Gateway.Counters.Dispatches);
    }

    private static async Task<(int Status, JsonNode Body)> PostJsonAsync(DiscordEmulator.DiscordEmulator emulator, string path, string json)
    {
        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(emulator.RestBase, path), new StringContent(json, Encoding.UTF8, "application/json"));
        return ((int)answer.StatusCode, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!);
    }
}
