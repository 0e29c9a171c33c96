using System.Globalization;
using System.Text.Json.Nodes;
using MjBot.DiscordEmulator.State;

namespace MjBot.DiscordEmulator;

/// <summary>A message the bot posted, as Discord returns it (the docs' Message structure): every non-optional field
/// present — mentions, pinned, tts, the creation time from the id and <c>edited_timestamp</c> once edited.</summary>
public static class MessagePayloads
{
    private const long DiscordEpochMs = 1_420_070_400_000;

    /// <summary>Gets the message's JSON.</summary>
    public static JsonObject Json(EmulatedMessage message, ulong applicationId, Uri address)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachments = new JsonArray();
        foreach (var a in message.Attachments)
        {
            var url = new Uri(address, $"attachments/{message.ChannelId}/{a.Id}/{Uri.EscapeDataString(a.FileName)}").ToString();
            attachments.Add(new JsonObject
            {
                ["id"] = a.Id.ToString(CultureInfo.InvariantCulture),
                ["filename"] = a.FileName,
                ["size"] = a.Content.Length,
                ["url"] = url,
                ["proxy_url"] = url,
                ["content_type"] = a.ContentType,
                ["description"] = a.Description,
            });
        }

        return new JsonObject
        {
            ["id"] = message.Id.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = message.ChannelId.ToString(CultureInfo.InvariantCulture),
            ["type"] = message.InteractionId is null ? 0 : 20,
            ["content"] = message.Content ?? string.Empty,
            ["author"] = EmulatedUsers.Bot(applicationId),
            ["attachments"] = attachments,
            ["embeds"] = message.Embeds?.DeepClone() ?? new JsonArray(),
            ["components"] = message.Components?.DeepClone() ?? new JsonArray(),
            ["flags"] = message.Flags | (message.Loading ? 128 : 0),
            ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds((long)(message.Id >> 22) + DiscordEpochMs).ToString("O", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = message.EditedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["pinned"] = false,
            ["nonce"] = message.Nonce,
            ["application_id"] = message.InteractionId is null ? null : applicationId.ToString(CultureInfo.InvariantCulture),
        };
    }
}
