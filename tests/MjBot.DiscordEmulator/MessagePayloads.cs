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
            var attachment = new JsonObject
            {
                ["id"] = a.Id.ToString(CultureInfo.InvariantCulture),
                ["filename"] = a.FileName,
                ["size"] = a.Content.Length,
                ["url"] = url,
                ["proxy_url"] = url,
                ["content_type"] = a.ContentType,
            };
            if (a.Description is not null)
            {
                attachment["description"] = a.Description;
            }

            attachments.Add(attachment);
        }

        var json = new JsonObject
        {
            ["id"] = message.Id.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = message.ChannelId.ToString(CultureInfo.InvariantCulture),
            ["type"] = message.InteractionId is null ? 0 : 20,
            ["content"] = message.Content ?? string.Empty,
            ["author"] = EmulatedUsers.Bot(applicationId),
            ["attachments"] = attachments,
            ["embeds"] = message.Embeds?.DeepClone() ?? new JsonArray(),
            ["components"] = Numbered(message.Components?.DeepClone() as JsonArray ?? []),
            ["flags"] = message.Flags | (message.Loading ? 128 : 0),
            ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds((long)(message.Id >> 22) + DiscordEpochMs).ToString("O", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = message.EditedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["pinned"] = false,
        };

        // Only a message an interaction or webhook made carries the application's id.
        if (message.InteractionId is not null)
        {
            json["application_id"] = applicationId.ToString(CultureInfo.InvariantCulture);
        }

        // The nonce comes back only when the message was sent with one.
        if (message.Nonce is not null)
        {
            json["nonce"] = message.Nonce;
        }

        return json;
    }

    // Components as Discord returns them: every one sent without an id gets one, sequential from 1 in the order they
    // appear (depth first); a select menu's min_values and max_values default to 1.
    private static JsonArray Numbered(JsonArray components)
    {
        var taken = new HashSet<int>();
        var all = new List<JsonObject>();
        foreach (var component in components.OfType<JsonObject>())
        {
            Collect(component, all);
        }

        foreach (var c in all)
        {
            if (c["id"] is { } id)
            {
                taken.Add(id.GetValue<int>());
            }

            if (c["type"]?.GetValue<int>() is 3 or 5 or 6 or 7 or 8)
            {
                c["min_values"] ??= 1;
                c["max_values"] ??= 1;
            }
        }

        var next = 1;
        foreach (var c in all.Where(static c => c["id"] is null))
        {
            while (!taken.Add(next))
            {
                next++;
            }

            c["id"] = next;
        }

        return components;
    }

    private static void Collect(JsonObject component, List<JsonObject> all)
    {
        all.Add(component);
        foreach (var child in (component["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Collect(child, all);
        }

        foreach (var key in new[] { "component", "accessory" })
        {
            if (component[key] is JsonObject single)
            {
                Collect(single, all);
            }
        }
    }
}
