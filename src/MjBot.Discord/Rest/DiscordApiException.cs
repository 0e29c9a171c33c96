namespace MjBot.Discord.Rest;

/// <summary>Discord refused a request: the HTTP status, Discord's JSON error code (10062 Unknown interaction, 40060
/// already acknowledged, 50027 invalid webhook token, 50035 invalid form body, 40005 too large, 50013 missing
/// permissions …) and, for 50035, the field errors. The message names the route template, never the URL, so an
/// interaction token cannot reach a log through it.</summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int status, string route, DiscordErrorResponse? error)
        : base(Describe(status, route, error))
    {
        Status = status;
        Route = route;
        Code = error?.Code;
        FieldErrors = error?.FieldErrors() ?? [];
    }

    /// <summary>Gets the HTTP status.</summary>
    public int Status { get; }

    /// <summary>Gets the route as "METHOD /template".</summary>
    public string Route { get; }

    /// <summary>Gets Discord's JSON error code, when the body had one.</summary>
    public int? Code { get; }

    /// <summary>Gets the field errors of a 50035 answer.</summary>
    public IReadOnlyList<DiscordFieldError> FieldErrors { get; }

    private static string Describe(int status, string route, DiscordErrorResponse? error)
    {
        var text = error is null ? $"Discord answered {status} to {route}" : $"Discord answered {status} ({error.Code}: {error.Message}) to {route}";
        var fields = error?.FieldErrors() ?? [];
        return fields.Count == 0 ? text : text + ": " + string.Join("; ", fields.Select(static f => $"{f.Path}: {f.Message}"));
    }
}
