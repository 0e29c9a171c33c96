using System.Text.Json;
using MjBot.Discord.Commands;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests : IDisposable
{
    private static readonly Snowflake App = new(290926444748734465);
    private static readonly Snowflake Guild = new(290926798626357999);
    private static readonly IReadOnlyList<ApplicationCommand> Imagine =
    [
        new("imagine", "Create images from a prompt")
        {
            Type = 1,
            Options = [new ApplicationCommandOption(3, "prompt", "What to draw, with --parameters") { Required = true, MaxLength = 6000 }],
        },
        new("disallow", "Edit this server's disallow list") { Type = 1, DefaultMemberPermissions = new Permissions(Permissions.ManageGuild) },
    ];

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Register_WithADevGuild_OverwritesTheGuildsCommandsOnce()
    {
        await using var discord = await LoopbackDiscord.Answering(200, "[]");
        var sut = new CommandRegistrar(LoopbackDiscord.Client(discord, maxRetries: 0), new FileCommandHashStore(_folder.Combine("commands.json")));

        Assert.True(await sut.RegisterAsync(App, Guild, Imagine, CancellationToken.None));
        Assert.False(await sut.RegisterAsync(App, Guild, Imagine, CancellationToken.None));

        var request = Assert.Single(discord.Requests);
        Assert.Equal(("PUT", $"/applications/{App}/guilds/{Guild}/commands"), (request.Method, request.Path));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(6000, body[0].GetProperty("options")[0].GetProperty("max_length").GetInt32());
        Assert.Equal("32", body[1].GetProperty("default_member_permissions").GetString());
    }

    [Fact]
    public async Task Register_AfterARestartWithTheSameDefinitions_SendsNothing()
    {
        await using var discord = await LoopbackDiscord.Answering(200, "[]");
        var store = _folder.Combine("data", "commands.json");
        await new CommandRegistrar(LoopbackDiscord.Client(discord, maxRetries: 0), new FileCommandHashStore(store)).RegisterAsync(App, null, Imagine, CancellationToken.None);

        var again = await new CommandRegistrar(LoopbackDiscord.Client(discord, maxRetries: 0), new FileCommandHashStore(store)).RegisterAsync(App, null, Imagine, CancellationToken.None);

        Assert.False(again);
        Assert.Equal($"/applications/{App}/commands", Assert.Single(discord.Requests).Path);
    }

    [Fact]
    public async Task Register_ChangedDefinitions_AreSentAgain()
    {
        await using var discord = await LoopbackDiscord.Answering(200, "[]");
        var sut = new CommandRegistrar(LoopbackDiscord.Client(discord, maxRetries: 0), new FileCommandHashStore(_folder.Combine("commands.json")));
        await sut.RegisterAsync(App, Guild, Imagine, CancellationToken.None);

        var changed = await sut.RegisterAsync(App, Guild, [.. Imagine, new ApplicationCommand("info", "Your jobs and the queue") { Type = 1 }], CancellationToken.None);

        Assert.True(changed);
        Assert.Equal(2, discord.Requests.Count);
    }

    [Fact]
    public async Task Register_RefusedByDiscord_StoresNoHashSoItIsTriedAgain()
    {
        await using var discord = await LoopbackDiscord.Answering(400, """{"code":50035,"message":"Invalid Form Body","errors":{}}""");
        var sut = new CommandRegistrar(LoopbackDiscord.Client(discord, maxRetries: 0), new FileCommandHashStore(_folder.Combine("commands.json")));

        await Assert.ThrowsAsync<DiscordApiException>(() => sut.RegisterAsync(App, Guild, Imagine, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordApiException>(() => sut.RegisterAsync(App, Guild, Imagine, CancellationToken.None));

        Assert.Equal(2, discord.Requests.Count);
    }

    [Fact]
    public void HashStore_CorruptFile_CountsAsNoHash()
    {
        var path = _folder.Combine("commands.json");
        File.WriteAllText(path, "{not json");
        var sut = new FileCommandHashStore(path);

        Assert.Null(sut.Read("global"));
        sut.Write("global", "abc");
        Assert.Equal("abc", new FileCommandHashStore(path).Read("global"));
    }

    public void Dispose() => _folder.Dispose();


}
