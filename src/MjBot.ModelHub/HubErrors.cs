using System.Net;
using System.Text.Json;

namespace MjBot.ModelHub;

/// <summary>Turns the hub's error answers into sentences. The hub names the cause in <c>X-Error-Code</c>
/// (<c>RepoNotFound</c>, <c>GatedRepo</c>, <c>RevisionNotFound</c>, <c>EntryNotFound</c>) and explains in
/// <c>X-Error-Message</c> or a JSON body <c>{"error": "…"}</c>; a repo that does not exist and a private one the caller
/// cannot see both answer 401 <c>RepoNotFound</c>.</summary>
internal static class HubErrors
{
    public static async Task<HubRequestException> DescribeAsync(HttpResponseMessage response, HubRepository repository, string? file, bool sentToken, CancellationToken cancellationToken)
    {
        var code = Header(response, "X-Error-Code");
        var detail = Header(response, "X-Error-Message") ?? await BodyErrorAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var because = detail is null ? string.Empty : $" (the hub says: {detail})";
        var tokenHint = sentToken
            ? "the token in ModelHub:Token (or HF_TOKEN) cannot see it"
            : "no token was sent: set ModelHub:Token (or HF_TOKEN) to a read token";
        if (detail == "Access to this resource is disabled.")
        {
            return new HubRequestException($"{repository.Id} has been disabled on the hub; it cannot be downloaded.{because}");
        }

        if (status == 401 && code is null && detail == "Invalid credentials in Authorization header")
        {
            return new HubRequestException($"The hub refused the token in ModelHub:Token (or HF_TOKEN): it is not valid. Make a read token on huggingface.co/settings/tokens.{because}");
        }

        return code switch
        {
            "GatedRepo" => new HubRequestException(
                $"{repository.Id} is gated: sign in on {repository.Id}'s page on huggingface.co, accept its conditions, then "
                + (sentToken ? "run this again (the token in ModelHub:Token or HF_TOKEN has not been granted access yet)." : "set ModelHub:Token (or HF_TOKEN) to a read token of that account and run this again.")
                + because),
            "RevisionNotFound" => new HubRequestException($"{repository.Id} has no revision \"{repository.Revision}\": name one of its branches, tags or commits after @ (the default is main).{because}"),
            "EntryNotFound" => new HubRequestException($"{repository} has no file {file} at the commit being downloaded.{because}"),
            "RepoNotFound" => new HubRequestException($"The hub has no repo {repository.Id}, or it is private and {tokenHint}. Check the spelling on huggingface.co.{because}"),
            _ => status switch
            {
                // The hub answers 401 for a repo that does not exist as for a private one, to hide which it is.
                401 => new HubRequestException($"The hub has no repo {repository.Id}, or it is private and {tokenHint}. Check the spelling on huggingface.co.{because}"),
                403 => new HubRequestException($"The hub does not let {(sentToken ? "this token" : "anonymous users")} read {repository.Id} (403).{because}"),
                404 => new HubRequestException($"The hub answered 404 for {repository}{(file is null ? string.Empty : " " + file)}: check the repo id and revision.{because}"),
                408 or 429 => new HubRequestException($"The hub is rate-limiting this address ({status}).{because}", transient: true, RetryAfterOf(response)),
                >= 500 => new HubRequestException($"The hub failed ({status} {response.ReasonPhrase}).{because}", transient: true, RetryAfterOf(response)),
                _ => new HubRequestException($"The hub answered {status} {response.ReasonPhrase} for {repository}{(file is null ? string.Empty : " " + file)}.{because}"),
            },
        };
    }

    public static HubRequestException Unreachable(Uri address, Exception ex) =>
        new($"The hub at {address.GetLeftPart(UriPartial.Authority)} cannot be reached ({ex.Message}).", transient: true, innerException: ex);

    /// <summary>The pause a 429 asks for: the <c>RateLimit</c> header's reset (<c>"api";r=0;t=55</c>) when nothing is
    /// left, else <c>Retry-After</c>; at most 10 minutes.</summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (Header(response, "RateLimit") is { } limit)
        {
            var fields = limit.Split(';', StringSplitOptions.TrimEntries);
            var remaining = fields.FirstOrDefault(static f => f.StartsWith("r=", StringComparison.Ordinal));
            var reset = fields.FirstOrDefault(static f => f.StartsWith("t=", StringComparison.Ordinal));
            if (remaining == "r=0" && reset is not null && int.TryParse(reset[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, 600));
            }
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta < TimeSpan.FromMinutes(10) ? delta : TimeSpan.FromMinutes(10),
            _ => null,
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(' ', values) : null;

    private static async Task<string?> BodyErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json" || response.Content.Headers.ContentLength > 64 * 1024)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            // An error page that says it is JSON but is not: the status line alone describes it.
            return null;
        }
        catch (HttpRequestException)
        {
            // The error body did not arrive: the status line alone describes it.
            return null;
        }
    }

    internal static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
