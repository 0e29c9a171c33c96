using MjBot.Discord.Commands;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.DiscordEmulator;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>Every kind of body the client sends, sent for real to an emulator that validates each against Discord's
/// official OpenAPI document (python3-jsonschema) and refuses an invalid one with 50035.</summary>
public sealed class OpenApiConformanceTests : IDisposable
{
    private static readonly EmulatorOptions Validating = new() { OpenApiDocument = RepositoryPaths.InTestData("discord-openapi.json") };
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task EveryBodyTheClientSends_ValidatesAgainstTheOpenApiDocument()
    {
        await using var bot = await ConnectedBot.StartAsync(Validating, ConnectedBot.RecordOnly);
        var app = new Snowflake(bot.Emulator.Options.ApplicationId);
        var rest = bot.Rest;
        var none = CancellationToken.None;
        var grid = new[] { new UploadFile("grid.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }) };
        Component Button(string label, string id) => new(2) { Style = 2, Label = label, CustomId = id };
        IReadOnlyList<Component> rows =
        [
            new Component(1) { Components = [Button("U1", "u:1"), Button("U2", "u:2"), Button("U3", "u:3"), Button("U4", "u:4"), new Component(2) { Style = 2, Emoji = new Emoji("🔄"), CustomId = "r:0" }] },
            new Component(1) { Components = [Button("V1", "v:1"), Button("V2", "v:2"), Button("V3", "v:3"), Button("V4", "v:4")] },
            new Component(1) { Components = [new Component(2) { Style = 5, Label = "Web", Url = "https://example.org/job/1" }] },
        ];

        // /imagine: defer, then the grid with buttons, then a follow-up, an ephemeral error and a channel message.
        var imagine = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));
        await rest.RespondAsync(imagine.Id, imagine.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), none);
        var original = await rest.EditOriginalAsync(app, imagine.Token, new MessageBody { Content = "**a fox** - <@1> (fast)", AllowedMentions = new AllowedMentions([]), Components = rows }, grid, MessageLimits.DefaultFileBytes, none);
        await rest.FollowUpAsync(app, imagine.Token, new MessageBody { Content = "Queued (2 ahead)", Flags = MessageBody.Ephemeral }, null, MessageLimits.DefaultFileBytes, none);
        var posted = await rest.CreateMessageAsync(new Snowflake(DiscordEmulator.DiscordEmulator.ChannelId), new ChannelMessageBody { Content = "late result", MessageReference = new MessageReference(original.Id) }, grid, MessageLimits.DefaultFileBytes, none);
        await rest.EditMessageAsync(posted.ChannelId, posted.Id, new MessageBody { Content = "edited", Components = [] }, none);

        // A button: update the message; another: answer with a file; a modal from a button, then its submit.
        var press = await bot.ReceivedAsync(await bot.Emulator.PressButtonAsync(original.Id.Value, "u:1"));
        await rest.RespondAsync(press.Id, press.Token, new InteractionResponse(InteractionCallbackType.UpdateMessage, new InteractionCallbackData { Components = rows }), none);
        var upscale = await bot.ReceivedAsync(await bot.Emulator.PressButtonAsync(original.Id.Value, "u:2"));
        await rest.RespondAsync(upscale.Id, upscale.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "Image #2" }), grid, MessageLimits.DefaultFileBytes, none);
        var remix = await bot.ReceivedAsync(await bot.Emulator.PressButtonAsync(original.Id.Value, "v:1"));
        await rest.RespondAsync(remix.Id, remix.Token, new InteractionResponse(InteractionCallbackType.Modal, new InteractionCallbackData
        {
            CustomId = "remix:1:1",
            Title = "Remix prompt",
            Components = [new Component(18) { Label = "Prompt", Child = new Component(4) { CustomId = "prompt", Style = 2, Value = "a fox", MaxLength = 4000, Required = true } }],
        }), none);
        var submit = await bot.ReceivedAsync(await bot.Emulator.SubmitModalAsync("remix:1:1", new Dictionary<string, string> { ["prompt"] = "a wolf" }, fromMessageId: original.Id.Value));
        await rest.RespondAsync(submit.Id, submit.Token, new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage), none);

        // Autocomplete, and command registration (global and guild).
        var typing = await bot.ReceivedAsync(await bot.Emulator.AutocompleteAsync("settings", [new System.Text.Json.Nodes.JsonObject { ["name"] = "model", ["type"] = 3, ["value"] = "sd", ["focused"] = true }]));
        await rest.RespondAsync(typing.Id, typing.Token, new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData { Choices = [new AutocompleteChoice("sd15", System.Text.Json.JsonSerializer.SerializeToElement("sd15"))] }), none);
        IReadOnlyList<ApplicationCommand> commands =
        [
            new("imagine", "Create images from a prompt") { Type = 1, Options = [new ApplicationCommandOption(3, "prompt", "What to draw") { Required = true, MaxLength = 6000 }] },
            new("disallow", "Edit this server's disallow list") { Type = 1, DefaultMemberPermissions = new Permissions(Permissions.ManageGuild), Contexts = [0] },
        ];
        await new CommandRegistrar(rest, new FileCommandHashStore(_folder.Combine("a.json"))).RegisterAsync(app, null, commands, none);
        await new CommandRegistrar(rest, new FileCommandHashStore(_folder.Combine("b.json"))).RegisterAsync(app, new Snowflake(DiscordEmulator.DiscordEmulator.GuildId), commands, none);

        Assert.All(bot.Emulator.Calls, c => Assert.True(c.Status < 400, $"{c.Method} {c.Route} → {c.Status}"));
        Assert.Equal(bot.Emulator.Calls.Count(static c => c.JsonBody is not null), bot.Emulator.OpenApiValidated);
        Assert.True(bot.Emulator.OpenApiValidated >= 12, $"only {bot.Emulator.OpenApiValidated} bodies validated");
        AssertSentBodiesConform(bot.Emulator, atLeast: 20);
    }

    [Fact]
    public async Task EveryBodyTheEmulatorSends_ValidatesAgainstTheResponseSchemas()
    {
        // GUILDS and GUILD_MESSAGE_REACTIONS: READY, GUILD_CREATE, interactions from a member and a reaction.
        await using var bot = await ConnectedBot.StartAsync(Validating, ConnectedBot.RecordOnly, gateway: static t => new MjBot.Discord.Gateway.GatewayClientOptions { Token = t, Intents = 1 | (1 << 10) });
        var emulator = bot.Emulator;
        var command = await bot.ReceivedAsync(await emulator.RunSlashCommandAsync("imagine"));
        await bot.Rest.RespondAsync(command.Id, command.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "grid" }), CancellationToken.None);
        var original = emulator.Interactions.Single(i => i.Id == command.Id.Value).Original!;
        await bot.ReceivedAsync(await emulator.PressButtonAsync(original.Id, "u:1", EmulatedMember.Moderator));
        await emulator.AddReactionAsync(original.Id, "✉️");

        using var http = new HttpClient { BaseAddress = emulator.RestBase };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bot", emulator.Options.Token);
        var guild = DiscordEmulator.DiscordEmulator.GuildId;
        var channel = DiscordEmulator.DiscordEmulator.ChannelId;
        string[] reads =
        [
            "gateway", "gateway/bot", "users/@me", "oauth2/applications/@me", "applications/@me", $"channels/{channel}", $"guilds/{guild}",
            $"guilds/{guild}/channels", $"guilds/{guild}/members/{emulator.Options.ApplicationId}", $"guilds/{guild}/members/{EmulatedMember.Ordinary.UserId}",
            $"channels/{channel}/messages?limit=5", $"channels/{channel}/messages/{original.Id}", $"users/{EmulatedMember.Ordinary.UserId}",
            $"applications/{emulator.Options.ApplicationId}/commands", $"webhooks/{emulator.Options.ApplicationId}/{command.Token}/messages/{original.Id}",
            // Discord's errors: unknown channel, guild, member, message, user, route; a limit out of range.
            "channels/1", "guilds/1", $"guilds/{guild}/members/1", $"channels/{channel}/messages/1", "users/2", "no/such/route", $"channels/{channel}/messages?limit=101",
        ];
        var answered = new List<int>();
        foreach (var read in reads)
        {
            using var answer = await http.GetAsync(new Uri(read, UriKind.Relative));
            answered.Add((int)answer.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(200, reads.Length - 7), 404, 404, 404, 404, 404, 404, 400], answered);

        using var stranger = new HttpClient { BaseAddress = emulator.RestBase };
        using var again = await http.PostAsync(new Uri($"interactions/{command.Id}/{command.Token}/callback", UriKind.Relative), Json("""{"type":5}"""));
        using var unknown = await http.PostAsync(new Uri("interactions/1/nope/callback", UriKind.Relative), Json("""{"type":5}"""));
        using var anonymous = await stranger.GetAsync(new Uri("users/@me", UriKind.Relative));
        Assert.Equal(40060, await CodeAsync(again));
        Assert.Equal(10062, await CodeAsync(unknown));
        Assert.Equal(401, (int)anonymous.StatusCode);

        // The "other" bucket allows 10 a second: the eleventh read in a burst is refused with 429 and retry_after.
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            using var answer = await http.GetAsync(new Uri("users/@me", UriKind.Relative));
            statuses.Add((int)answer.StatusCode);
        }

        Assert.Contains(429, statuses);
        var routes = emulator.Calls.Select(static c => c.Route).ToHashSet();
        Assert.True(routes.Count >= 16, string.Join(", ", routes));
        AssertSentBodiesConform(emulator, atLeast: 40);
    }

    [Fact]
    public async Task Emulator_BodyTheOpenApiDocumentRefuses_Answers50035WithTheField()
    {
        await using var bot = await ConnectedBot.StartAsync(Validating, ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));
        using var http = new HttpClient();

        // A button style Discord does not have: the emulator's own rules pass it, the OpenAPI document does not.
        using var answer = await http.PostAsync(
            new Uri(bot.Emulator.RestBase, $"interactions/{interaction.Id}/{interaction.Token}/callback"),
            new StringContent("""{"type":4,"data":{"content":"x","components":[{"type":1,"components":[{"type":2,"style":9,"label":"a","custom_id":"a"}]}]}}""", System.Text.Encoding.UTF8, "application/json"));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.NotNull(body["errors"]!["data"]!["components"]!["0"]!["components"]!["0"]);
        AssertSentBodiesConform(bot.Emulator, atLeast: 2);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertSentBodiesConform(DiscordEmulator.DiscordEmulator emulator, int atLeast)
    {
        Assert.True(emulator.SentBodyViolations.Count == 0, string.Join('\n', emulator.SentBodyViolations));
        Assert.True(emulator.SentBodiesValidated >= atLeast, $"only {emulator.SentBodiesValidated} sent bodies validated");
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<int> CodeAsync(HttpResponseMessage answer) =>
        System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["code"]!.GetValue<int>();
}
