using Microsoft.Extensions.Time.Testing;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.DiscordEmulator;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>Interaction endpoints against the emulator's rules: 3 seconds to answer, one answer, a 15-minute token,
/// uploads within the limits, and nothing secret in what reaches a log.</summary>
public sealed class InteractionRestTests
{
    private static readonly Snowflake App = new(new EmulatorOptions().ApplicationId);

    [Fact]
    public async Task RespondAsync_AfterThreeSeconds_IsUnknownInteraction10062()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await ConnectedBot.StartAsync(new EmulatorOptions { Time = clock }, ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));

        clock.Advance(TimeSpan.FromSeconds(3.1));
        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => Defer(bot, interaction));

        Assert.Equal(10062, refused.Code);
        Assert.Equal(404, refused.Status);
        Assert.DoesNotContain(interaction.Token, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondAsync_Twice_SecondIsAlreadyAcknowledged40060()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));

        await Defer(bot, interaction);
        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => Defer(bot, interaction));

        Assert.Equal(40060, refused.Code);
    }

    [Fact]
    public async Task EditOriginalAsync_WithinFifteenMinutes_EditsAndAfterIsInvalidWebhookToken50027()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await ConnectedBot.StartAsync(new EmulatorOptions { Time = clock }, ConnectedBot.RecordOnly);
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        var interaction = await bot.ReceivedAsync(emulated);
        await Defer(bot, interaction);

        clock.Advance(TimeSpan.FromMinutes(14));
        var edited = await bot.Rest.EditOriginalAsync(App, interaction.Token, new MessageBody { Content = "done" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1.1));
        var refused = await Assert.ThrowsAsync<DiscordApiException>(() =>
            bot.Rest.EditOriginalAsync(App, interaction.Token, new MessageBody { Content = "too late" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None));

        Assert.Equal("done", edited.Content);
        Assert.Equal("done", emulated.Original!.Content);
        Assert.Equal(50027, refused.Code);
        Assert.DoesNotContain(interaction.Token, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOriginalAsync_NineMiBFile_IsAcceptedAndStoredWhole()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        var interaction = await bot.ReceivedAsync(emulated);
        await Defer(bot, interaction);
        var bytes = new byte[9 * 1024 * 1024];
        new Random(9).NextBytes(bytes);

        var message = await bot.Rest.EditOriginalAsync(App, interaction.Token, new MessageBody { Content = "grid" }, [new UploadFile("grid.png", bytes)], interaction.AttachmentSizeLimit ?? MessageLimits.DefaultFileBytes, CancellationToken.None);

        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("grid.png", attachment.Filename);
        Assert.Equal(bytes.Length, attachment.Size);
        Assert.Equal(bytes, Assert.Single(emulated.Original!.Attachments).Content);
    }

    [Fact]
    public async Task EditOriginalAsync_ElevenMiBFile_IsRefusedBeforeSendingWithAClearError()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var interaction = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));
        await Defer(bot, interaction);
        var sent = bot.Emulator.Calls.Count;

        var refused = await Assert.ThrowsAsync<DiscordLimitException>(() =>
            bot.Rest.EditOriginalAsync(App, interaction.Token, new MessageBody(), [new UploadFile("big.png", new byte[11 * 1024 * 1024])], interaction.AttachmentSizeLimit ?? MessageLimits.DefaultFileBytes, CancellationToken.None));

        Assert.Contains("big.png", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10.0 MiB per file", refused.Message, StringComparison.Ordinal);
        Assert.Equal(sent, bot.Emulator.Calls.Count);
    }

    [Fact]
    public async Task RespondAsync_MessageWithFile_IsSentAsMultipartAndBecomesTheOriginal()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        var interaction = await bot.ReceivedAsync(emulated);

        await bot.Rest.RespondAsync(
            interaction.Id,
            interaction.Token,
            new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "here" }),
            [new UploadFile("a.png", new byte[] { 1, 2, 3 })],
            MessageLimits.DefaultFileBytes,
            CancellationToken.None);

        Assert.Equal("here", emulated.Original!.Content);
        Assert.Equal([1, 2, 3], Assert.Single(emulated.Original.Attachments).Content);
    }

    [Fact]
    public async Task FollowUpAndDeleteOriginal_AfterADeferral_WorkAsDiscordDoes()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        var interaction = await bot.ReceivedAsync(emulated);
        await Defer(bot, interaction);

        var followUp = await bot.Rest.FollowUpAsync(App, interaction.Token, new MessageBody { Content = "more", Flags = MessageBody.Ephemeral }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        var original = await bot.Rest.GetOriginalAsync(App, interaction.Token, CancellationToken.None);
        await bot.Rest.DeleteOriginalAsync(App, interaction.Token, CancellationToken.None);
        var gone = await Assert.ThrowsAsync<DiscordApiException>(() => bot.Rest.GetOriginalAsync(App, interaction.Token, CancellationToken.None));

        Assert.Equal("more", followUp.Content);
        Assert.Equal(emulated.Original!.Id, original.Id.Value);
        Assert.Equal(10008, gone.Code);
        Assert.Single(emulated.FollowUps);
    }

    [Fact]
    public async Task InteractionEndpoints_CarryNoBotTokenAndTheUserAgentDiscordAsksFor()
    {
        await using var bot = await ConnectedBot.StartAsync();
        var emulated = await bot.Emulator.RunSlashCommandAsync("imagine");
        await emulated.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        // The emulator records a call once its answer is written, a moment after the interaction took it.
        await bot.UntilAsync(() => bot.Emulator.Calls.Any(static c => c.Route.EndsWith("/callback", StringComparison.Ordinal)), "the recorded callback");
        var callback = Assert.Single(bot.Emulator.Calls, c => c.Route.EndsWith("/callback", StringComparison.Ordinal));
        var gatewayBot = Assert.Single(bot.Emulator.Calls, c => c.Route == "/gateway/bot");

        Assert.False(callback.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("DiscordBot (", callback.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("Bot " + bot.Emulator.Options.Token, gatewayBot.Headers["Authorization"]);
    }

    [Fact]
    public async Task ModalSubmitAndButton_ArriveTypedWithTheirCustomIdsAndValues()
    {
        await using var bot = await ConnectedBot.StartAsync(handler: ConnectedBot.RecordOnly);
        var command = await bot.ReceivedAsync(await bot.Emulator.RunSlashCommandAsync("imagine"));
        await bot.Rest.RespondAsync(command.Id, command.Token, new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
        {
            Content = "grid",
            Components = [new Component(1) { Components = [new Component(2) { Style = 2, Label = "U1", CustomId = "upscale:1:1" }] }],
        }), CancellationToken.None);
        var messageId = bot.Emulator.Interactions.Single(i => i.Id == command.Id.Value).Original!.Id;

        var button = await bot.ReceivedAsync(await bot.Emulator.PressButtonAsync(messageId, "upscale:1:1"));
        var modal = await bot.ReceivedAsync(await bot.Emulator.SubmitModalAsync("remix:1:2", new Dictionary<string, string> { ["prompt"] = "a fox" }));

        Assert.Equal(InteractionType.MessageComponent, button.Type);
        Assert.Equal("upscale:1:1", button.Data!.CustomId);
        Assert.Equal(messageId, button.Message!.Id.Value);
        Assert.Equal(InteractionType.ModalSubmit, modal.Type);
        Assert.Equal("a fox", modal.Data!.Components![0].Child!.Value);
        Assert.Equal(10 * 1024 * 1024, button.AttachmentSizeLimit);
    }

    private static Task Defer(ConnectedBot bot, Interaction interaction) =>
        bot.Rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), CancellationToken.None);
}
