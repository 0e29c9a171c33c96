using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>Discord's rule on how a client's close ends or keeps its session, enforced by the emulator and checked
/// here with a raw WebSocket (no MjBot client), so the client's restart tests rest on the documented behaviour.</summary>
public sealed class EmulatorSessionRulesTests
{
    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, false)]
    [InlineData(4000, true)]
    [InlineData(1012, true)]
    public async Task Resume_AfterTheClientClosedWithACode_IsAllowedOnlyForCodesOtherThan1000And1001(int closeCode, bool resumable)
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var url = new Uri($"ws://{emulator.Address.Authority}/gateway?v=10&encoding=json");
        var token = emulator.Options.Token;
        string sessionId;
        int sequence;
        using (var first = new ClientWebSocket())
        {
            await first.ConnectAsync(url, CancellationToken.None);
            await ReceiveAsync(first);
            await SendAsync(first, new JsonObject { ["op"] = 2, ["d"] = new JsonObject { ["token"] = token, ["intents"] = 0, ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" } } });
            var ready = await ReceiveAsync(first);
            sessionId = ready["d"]!["session_id"]!.GetValue<string>();
            sequence = ready["s"]!.GetValue<int>();
            await first.CloseOutputAsync((WebSocketCloseStatus)closeCode, null, CancellationToken.None);
        }

        await Eventually.UntilAsync(() => emulator.Gateway.ClientCloseCodes.ContainsKey(closeCode), "the emulator to see the client's close");
        using var second = new ClientWebSocket();
        await second.ConnectAsync(url, CancellationToken.None);
        await ReceiveAsync(second);
        await SendAsync(second, new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = sequence } });
        var answer = await ReceiveAsync(second);

        if (resumable)
        {
            Assert.Equal("RESUMED", answer["t"]?.GetValue<string>());
        }
        else
        {
            Assert.Equal(9, answer["op"]!.GetValue<int>());
            Assert.False(answer["d"]!.GetValue<bool>());
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, JsonObject payload) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(buffer.AsSpan(0, count))!;
    }

}
