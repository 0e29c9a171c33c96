namespace MjBot.Discord.Rest;

/// <summary>A REST route as Discord's rate limits see it: method, path template and the major parameter's value
/// (channel, guild or webhook id, or the interaction token's webhook), which splits one bucket into many.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path template, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="MajorParameter">The major parameter's value, or empty.</param>
public readonly record struct RouteKey(string Method, string Template, string MajorParameter)
{
    /// <summary>Gets whether the route is an interaction endpoint (callback, webhook follow-ups and @original),
    /// which the global request limit does not apply to.</summary>
    public bool IsInteractionEndpoint =>
        Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.StartsWith("/webhooks/", StringComparison.Ordinal);
}
