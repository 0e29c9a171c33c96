namespace MjBot.DiscordEmulator.Rest;

/// <summary>One REST route: method, template (segments in braces match anything), its bucket and major parameter,
/// whether it needs the bot token (interaction endpoints are authenticated by the token in the path instead), its
/// OpenAPI operation (whose request schema a POST, PUT or PATCH body and whose response schema every answer is
/// validated against), and the handler.</summary>
internal sealed record RestRoute(
    string Method,
    string Template,
    RateLimitRule Bucket,
    string? MajorParameter,
    bool BotAuth,
    string Operation,
    Func<RestRequest, Task<RestAnswer>> Handle)
{
    private readonly string[] _segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public bool HasRequestBody => Method is "POST" or "PUT" or "PATCH";

    public bool IsInteractionEndpoint => Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    public Dictionary<string, string>? Match(string method, string[] path)
    {
        if (method != Method || path.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < path.Length; i++)
        {
            if (_segments[i].StartsWith('{'))
            {
                values[_segments[i][1..^1]] = Uri.UnescapeDataString(path[i]);
            }
            else if (!string.Equals(_segments[i], path[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }
}
