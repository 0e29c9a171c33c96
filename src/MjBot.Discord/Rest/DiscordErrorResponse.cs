using System.Text.Json;

namespace MjBot.Discord.Rest;

/// <summary>Discord's JSON error body: a code (10062, 40060, 50035 …), a message, and for 50035 a tree of field
/// errors.</summary>
/// <param name="Code">Discord's JSON error code (not the HTTP status).</param>
/// <param name="Message">Discord's message.</param>
/// <param name="Errors">The nested error tree, when present.</param>
public sealed record DiscordErrorResponse(int Code, string Message, JsonElement? Errors)
{
    /// <summary>Flattens <see cref="Errors"/> into one entry per field error, with a dotted path such as
    /// <c>activities.0.platform</c>.</summary>
    /// <returns>The field errors, in document order.</returns>
    public IReadOnlyList<DiscordFieldError> FieldErrors()
    {
        var found = new List<DiscordFieldError>();
        if (Errors is { ValueKind: JsonValueKind.Object } tree)
        {
            Walk(tree, string.Empty, found);
        }

        return found;
    }

    private static void Walk(JsonElement node, string path, List<DiscordFieldError> found)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    found.Add(new DiscordFieldError(
                        path.Length == 0 ? "(body)" : path,
                        error.TryGetProperty("code", out var code) ? code.GetString() ?? string.Empty : string.Empty,
                        error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty));
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", found);
            }
        }
    }
}
