using System.Text.Json.Serialization;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Discord;

/// <summary>Source-generated System.Text.Json metadata for every type the client reads or writes: snake_case names,
/// nulls left out of what is sent, unknown fields ignored on read.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(OutgoingGatewayPayload<IdentifyData>))]
[JsonSerializable(typeof(OutgoingGatewayPayload<ResumeData>))]
[JsonSerializable(typeof(OutgoingGatewayPayload<int?>))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(ChannelMessageBody))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(DiscordErrorResponse))]
[JsonSerializable(typeof(RateLimitResponse))]
[JsonSerializable(typeof(MessageReactionAdd))]
[JsonSerializable(typeof(DmRequest))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(MjBot.Discord.Gateway.GatewaySessionState))]
[JsonSerializable(typeof(CurrentApplication))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
