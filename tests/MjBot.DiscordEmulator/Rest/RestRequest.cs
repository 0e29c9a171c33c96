using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>A request as a handler sees it: the route's values, the JSON body (or payload_json) and the files.</summary>
internal sealed record RestRequest(HttpContext Http, IReadOnlyDictionary<string, string> Values, JsonNode? Json, IReadOnlyList<UploadedFile> Files)
{
    public ulong Id(string name) => ulong.Parse(Values[name], System.Globalization.CultureInfo.InvariantCulture);
}
