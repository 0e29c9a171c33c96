using System.Diagnostics.Metrics;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Discord;

/// <summary>The Discord client's instruments (meter <c>MjBot.Discord</c>): REST calls and 429s by route, and how long
/// interactions wait for their answer.</summary>
public static class DiscordMetrics
{
    public const string MeterName = "MjBot.Discord";

    private const long DiscordEpochMilliseconds = 1_420_070_400_000;
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("mjbot.discord.rest.requests", description: "Discord REST answers, by route and HTTP status.");
    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("mjbot.discord.rest.rate_limited", description: "Discord REST answers that were 429, by route.");
    private static readonly Histogram<double> Ack = Meter.CreateHistogram<double>("mjbot.discord.interaction.ack", "s", "From Discord creating an interaction to its first answer being accepted.");

    internal static void Answered(RouteKey route, int status)
    {
        var name = new KeyValuePair<string, object?>("route", $"{route.Method} {route.Template}");
        Requests.Add(1, name, new KeyValuePair<string, object?>("status", status));
        if (status == 429)
        {
            RateLimited.Add(1, name);
        }
    }

    internal static void Acknowledged(Snowflake interactionId, DateTimeOffset now)
    {
        var created = DateTimeOffset.FromUnixTimeMilliseconds((long)(interactionId.Value >> 22) + DiscordEpochMilliseconds);
        Ack.Record(Math.Max(0, (now - created).TotalSeconds));
    }
}
