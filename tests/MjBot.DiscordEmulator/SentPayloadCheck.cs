using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MjBot.DiscordEmulator.Rest;

namespace MjBot.DiscordEmulator;

/// <summary>Holds the emulator to Discord's shapes: every body it answers is checked against the OpenAPI document's
/// response schema for its operation and status, and every gateway dispatch against the component schemas of its
/// parts (the document describes REST only, so READY's user, GUILD_CREATE's guild, channels and members, an
/// interaction's member, channel and message are checked one by one). Violations are collected, not thrown: the client
/// under test still gets the answer, and the test asserts there were none.</summary>
internal sealed partial class SentPayloadCheck(OpenApiValidation validation)
{
    // Where the OpenAPI document and Discord's docs disagree, the docs win (as for default_member_permissions in
    // requests); each exception is listed in docs/discord-emulator.md.
    // Each exception says, of a departure (where it was sent, the error), whether it is that one.
    private static readonly Func<string, string, bool>[] DocsWin =
    [
        // The docs' callback resource has "type: interaction callback type" and a message only for types 4 and 7;
        // the document's resource union knows only 4, 7 and 12, so a deferral's {"type": 5} does not match it.
        static (where, error) => where == "POST /interactions/{interaction_id}/{interaction_token}/callback 200" && error.StartsWith("resource.type:", StringComparison.Ordinal),

        // The docs' Rate Limit Response Structure has message, retry_after, global and "code?" (only for some limits);
        // the document requires code.
        static (where, error) => where.EndsWith(" 429", StringComparison.Ordinal) && error == ": 'code' is a required property",

        // The docs' JSON error example (50035) gives each field error a string code, "BASE_TYPE_REQUIRED"; the
        // document types it as its integer error codes.
        static (where, error) => where.EndsWith(" 400", StringComparison.Ordinal) && FieldErrorCode().IsMatch(error),
    ];

    private readonly ConcurrentQueue<string> _violations = new();

    /// <summary>Gets every violation found, as "where: path: message".</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Gets how many bodies (or parts) were checked.</summary>
    public int Checked => validation.SentValidated;

    public async Task ResponseAsync(string method, string route, string? operation, int status, JsonNode body)
    {
        var errors = operation is null
            ? await validation.CheckSchemaAsync("ErrorResponse", body)
            : await validation.CheckResponseAsync(operation, status, body);
        Record($"{method} {route} {status}", errors);
    }

    public async Task DispatchAsync(string name, JsonNode? data)
    {
        foreach (var (schema, where, part) in Parts(name, data))
        {
            Record(where, await validation.CheckSchemaAsync(schema, part));
        }
    }

    // The parts of each dispatch the emulator sends that the document has a schema for. A dispatch not listed here
    // is a violation, so a new one cannot go out unchecked.
    private IEnumerable<(string Schema, string Where, JsonNode Part)> Parts(string name, JsonNode? data)
    {
        switch (name)
        {
            case "RESUMED":
                break;
            case "READY":
                yield return ("UserResponse", "READY.user", data!["user"]!);
                break;
            case "GUILD_CREATE":
                yield return ("GuildResponse", "GUILD_CREATE", data!);
                foreach (var (channel, i) in data!["channels"]!.AsArray().Select(static (c, i) => (c!, i)))
                {
                    yield return ("GuildChannelResponse", $"GUILD_CREATE.channels.{i}", channel);
                }

                foreach (var (member, i) in data["members"]!.AsArray().Select(static (m, i) => (m!, i)))
                {
                    yield return ("GuildMemberResponse", $"GUILD_CREATE.members.{i}", member);
                }

                break;
            case "INTERACTION_CREATE":
                yield return ("GuildMemberResponse", "INTERACTION_CREATE.member", data!["member"]!);
                yield return ("GuildChannelResponse", "INTERACTION_CREATE.channel", data["channel"]!);
                if (data["message"] is { } message)
                {
                    yield return ("MessageResponse", "INTERACTION_CREATE.message", message);
                }

                break;
            case "MESSAGE_REACTION_ADD":
                yield return ("GuildMemberResponse", "MESSAGE_REACTION_ADD.member", data!["member"]!);
                break;
            default:
                _violations.Enqueue($"{name}: a dispatch with no schema check");
                break;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^errors\.(?:[^:]+\.)?_errors\.\d+\.code: '[A-Z_]+' is not of type 'integer'$")]
    private static partial System.Text.RegularExpressions.Regex FieldErrorCode();

    private void Record(string where, IReadOnlyList<string> errors)
    {
        foreach (var error in errors)
        {
            if (!DocsWin.Any(e => e(where, error)))
            {
                _violations.Enqueue($"{where}: {error}");
            }
        }
    }
}
