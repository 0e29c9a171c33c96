using System.Text.Json;
using MjBot.Discord.Models;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Models;

/// <summary>Every example payload from Discord's docs parses into the client's models, and the bodies the client
/// sends (IDENTIFY, RESUME, heartbeat, callbacks, commands) have exactly the documented shape.</summary>
public sealed class DiscordFixtureTests
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    [Fact]
    public void Hello_GivesTheHeartbeatInterval()
    {
        var payload = DiscordFixtures.Parse("hello.json", Json.GatewayPayload);

        Assert.Equal(GatewayOpcode.Hello, payload.Op);
        Assert.Equal(45000, payload.D!.Value.Deserialize(Json.HelloData)!.HeartbeatInterval);
    }

    [Theory]
    [InlineData("heartbeat_ack.json", GatewayOpcode.HeartbeatAck)]
    [InlineData("reconnect.json", GatewayOpcode.Reconnect)]
    [InlineData("invalid_session.json", GatewayOpcode.InvalidSession)]
    public void ControlFrames_ParseTheirOpcode(string name, GatewayOpcode op)
    {
        Assert.Equal(op, DiscordFixtures.Parse(name, Json.GatewayPayload).Op);
    }

    [Fact]
    public void InvalidSession_SaysWhetherItCanBeResumed()
    {
        Assert.False(DiscordFixtures.Parse("invalid_session.json", Json.GatewayPayload).D!.Value.GetBoolean());
    }

    [Fact]
    public void Ready_KeepsSessionResumeUrlAndApplicationId()
    {
        var payload = DiscordFixtures.Parse("synthesized/ready.json", Json.GatewayPayload);
        var ready = payload.D!.Value.Deserialize(Json.ReadyData)!;

        Assert.Equal(("READY", 1), (payload.T, payload.S));
        Assert.Equal("0b6a4b5c1f2e8d9a7c3e5f1a2b4c6d8e", ready.SessionId);
        Assert.Equal("wss://gateway-us-east1-b.discord.gg", ready.ResumeGatewayUrl);
        Assert.Equal(290926444748734465UL, ready.Application.Id.Value);
        Assert.True(ready.User.Bot);
    }

    [Fact]
    public void GatewayBot_GivesTheUrlAndTheIdentifyBudget()
    {
        var bot = DiscordFixtures.Parse("get_gateway_bot_response.json", Json.GatewayBotResponse);

        Assert.Equal("wss://gateway.discord.gg/", bot.Url);
        Assert.Equal(new SessionStartLimit(1000, 999, 14400000, 1), bot.SessionStartLimit);
    }

    [Fact]
    public void IdentifyResumeAndHeartbeat_WeSendHaveTheDocumentedShape()
    {
        var identify = DiscordFixtures.AssertRoundTrips("identify_send_minimal.json", Json.OutgoingGatewayPayloadIdentifyData);
        var resume = DiscordFixtures.AssertRoundTrips("resume_send.json", Json.OutgoingGatewayPayloadResumeData);
        var heartbeat = DiscordFixtures.AssertRoundTrips("heartbeat_send.json", Json.OutgoingGatewayPayloadNullableInt32);

        Assert.Equal((GatewayOpcode.Identify, 513), (identify.Op, identify.D.Intents));
        Assert.Equal(1337, resume.D.Seq);
        Assert.Equal(251, heartbeat.D);
    }

    [Fact]
    public void FirstHeartbeat_SendsNullForTheSequence()
    {
        var json = JsonSerializer.Serialize(new OutgoingGatewayPayload<int?>(GatewayOpcode.Heartbeat, null), Json.OutgoingGatewayPayloadNullableInt32);

        Assert.Equal("""{"op":1,"d":null}""", json);
    }

    [Fact]
    public void SlashCommand_GivesNameOptionsAndToken()
    {
        var interaction = DiscordFixtures.Parse("interaction_slash_command.json", Json.Interaction);

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("cardsearch", interaction.Data!.Name);
        Assert.Equal("Gitrog", interaction.Data.Options!.Single().Value!.Value.GetString()![4..10]);
        Assert.False(string.IsNullOrEmpty(interaction.Token));
    }

    [Fact]
    public void SlashCommandDispatch_GivesEverythingTheBotUses()
    {
        var payload = DiscordFixtures.Parse("synthesized/interaction_create_slash_command.gateway.json", Json.GatewayPayload);
        var interaction = payload.D!.Value.Deserialize(Json.Interaction)!;

        Assert.Equal("INTERACTION_CREATE", payload.T);
        Assert.Equal(786008729715212338UL, interaction.Id.Value);
        Assert.Equal(290926798626357999UL, interaction.GuildId!.Value.Value);
        Assert.Equal(10485760, interaction.AttachmentSizeLimit);
        Assert.Equal("en-US", interaction.Locale);
        Assert.Equal(["cardname", "set"], interaction.Data!.Options!.Select(static o => o.Name));
        Assert.Equal("Mason", interaction.Invoker!.Username);
        Assert.True(interaction.Member!.Permissions!.Value.Has(Permissions.ManageGuild));
        Assert.Equal("general", interaction.Channel!.Name);
    }

    [Fact]
    public void SubcommandWithUserOption_GivesTheNestedOptions()
    {
        var interaction = DiscordFixtures.Parse("synthesized/interaction_create_subcommand_with_user_option.gateway.json", Json.GatewayPayload)
            .D!.Value.Deserialize(Json.Interaction)!;

        var subcommand = interaction.Data!.Options!.Single();
        Assert.Equal(1, subcommand.Type);
        Assert.Contains(subcommand.Options!, static o => o.Type == 6);
    }

    [Theory]
    [InlineData("interaction_button_click.json")]
    [InlineData("synthesized/interaction_create_button_click.gateway.json")]
    public void ButtonClick_GivesTheCustomIdAndTheMessage(string name)
    {
        var interaction = name.Contains("gateway", StringComparison.Ordinal)
            ? DiscordFixtures.Parse(name, Json.GatewayPayload).D!.Value.Deserialize(Json.Interaction)!
            : DiscordFixtures.Parse(name, Json.Interaction);

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("click_one", interaction.Data!.CustomId);
        Assert.Equal(2, interaction.Data.ComponentType);
        Assert.NotNull(interaction.Message);
        Assert.Contains(interaction.Message!.Components!.SelectMany(static row => row.Components!), static c => c.CustomId == "click_one");
    }

    [Fact]
    public void StringSelect_GivesTheChosenValues()
    {
        var interaction = DiscordFixtures.Parse("interaction_string_select.json", Json.Interaction);

        Assert.Equal(3, interaction.Data!.ComponentType);
        Assert.NotEmpty(interaction.Data.Values!);
    }

    [Fact]
    public void ModalSubmit_GivesTheTextInputValue()
    {
        var interaction = DiscordFixtures.Parse("interaction_modal_submit_legacy_action_row.json", Json.Interaction);

        Assert.Equal(InteractionType.ModalSubmit, interaction.Type);
        Assert.Equal("cool_modal", interaction.Data!.CustomId);
        Assert.Equal("John", interaction.Data.Components!.Single().Components!.Single().Value);
        Assert.Equal(17179869183UL, interaction.Member!.Permissions!.Value.Value);
    }

    [Fact]
    public void Autocomplete_MarksTheFocusedOption()
    {
        var interaction = DiscordFixtures.Parse("interaction_autocomplete_partial.json", Json.Interaction);

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Contains(interaction.Data!.Options!, static o => o.Focused == true);
    }

    [Theory]
    [InlineData("synthesized/callback_type4_ephemeral.json", InteractionCallbackType.ChannelMessageWithSource)]
    [InlineData("synthesized/callback_type5_defer_ephemeral.json", InteractionCallbackType.DeferredChannelMessageWithSource)]
    [InlineData("synthesized/callback_type7_update_message.json", InteractionCallbackType.UpdateMessage)]
    [InlineData("synthesized/callback_type8_autocomplete.json", InteractionCallbackType.ApplicationCommandAutocompleteResult)]
    [InlineData("synthesized/callback_type9_modal_label.json", InteractionCallbackType.Modal)]
    public void Callbacks_WeSendHaveTheDocumentedShape(string name, InteractionCallbackType type)
    {
        Assert.Equal(type, DiscordFixtures.AssertRoundTrips(name, Json.InteractionResponse).Type);
    }

    [Fact]
    public void Commands_WeRegisterHaveTheDocumentedShape()
    {
        var blep = DiscordFixtures.AssertRoundTrips("command_create_blep.json", Json.ApplicationCommand);
        var commands = DiscordFixtures.AssertRoundTrips("synthesized/bulk_overwrite_guild_commands_body.json", Json.IReadOnlyListApplicationCommand);

        Assert.Equal(3, blep.Options![0].Choices!.Count);
        Assert.Equal(new Permissions(Permissions.ManageGuild), commands[1].DefaultMemberPermissions);
    }

    [Fact]
    public void EveryFixture_IsCoveredByATest()
    {
        var covered = string.Concat(Directory.GetFiles(RepositoryPaths.InRoot("tests", "MjBot.Discord.Tests", "Models"), "*Tests.cs").Select(File.ReadAllText));
        var files = Directory.GetFiles(DiscordFixtures.Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DiscordFixtures.Folder, f).Replace('\\', '/'));

        Assert.All(files, file => Assert.Contains($"\"{file}\"", covered, StringComparison.Ordinal));
    }
}
