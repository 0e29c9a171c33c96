using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MjBot.DiscordEmulator.Gateway;
using MjBot.DiscordEmulator.Rest;
using MjBot.DiscordEmulator.State;
using MjBot.Testing;

namespace MjBot.DiscordEmulator;

/// <summary>A loopback Discord on 127.0.0.1 with a random port: the gateway at /gateway, the REST API at /api/v10,
/// uploaded files at /attachments. A test acts as members (commands, buttons, modals, reactions), injects faults, and
/// reads back every request and what became of every interaction and message.</summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    /// <summary>The emulated server.</summary>
    public const ulong GuildId = 1100000000000000001;

    /// <summary>The emulated server's default channel.</summary>
    public const ulong ChannelId = 1100000000000000002;

    private WebApplication? _app;
    private readonly EmulatorState _state = new();
    private readonly EmulatedRest _rest;
    private readonly OpenApiValidation? _validation;
    private readonly SentPayloadCheck? _sent;
    private readonly Snowflakes _ids;
    private readonly ConcurrentDictionary<string, ulong> _commandIds = new(StringComparer.Ordinal);
    private Uri? _address;

    private DiscordEmulator(EmulatorOptions options)
    {
        Options = options;
        _ids = new Snowflakes(options.Time);
        _validation = options.OpenApiDocument is null ? null : new OpenApiValidation(options.OpenApiDocument);
        _sent = _validation is null ? null : new SentPayloadCheck(_validation);
        _rest = new EmulatedRest(options, _state, _ids, _validation, _sent, () => Address);
        Gateway = new EmulatedGateway(options, () => GatewayBase, _sent);
        _rest.GatewayUrl = () => GatewayBase;
    }

    public EmulatorOptions Options { get; }

    /// <summary>Gets the base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Gets or sets the member's Discord language in the interactions sent from now on (<c>locale</c>).</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>Gets or sets the server's language in the interactions sent from now on (<c>guild_locale</c>).</summary>
    public string GuildLocale { get; set; } = "en-US";

    /// <summary>Gets or sets whether the channel interactions come from is age-restricted (its <c>nsfw</c> flag).</summary>
    public bool ChannelNsfw { get; set; }

    /// <summary>Gets the REST base address the client is configured with.</summary>
    public Uri RestBase => new(Address, "api/v10/");

    /// <summary>Gets the gateway side: counters and faults.</summary>
    public EmulatedGateway Gateway { get; }

    /// <summary>Gets the REST side's injectable faults.</summary>
    public RestFaults RestFaults => _rest.Faults;

    /// <summary>Gets every REST request, in arrival order.</summary>
    public IReadOnlyCollection<RecordedCall> Calls => _rest.Calls;

    /// <summary>Gets how many REST requests were refused with 429.</summary>
    public int RateLimited => _rest.Limits.Refusals;

    /// <summary>Gets every interaction members started.</summary>
    public IReadOnlyCollection<EmulatedInteraction> Interactions => (IReadOnlyCollection<EmulatedInteraction>)_state.Interactions.Values;

    /// <summary>Gets how many request bodies the OpenAPI validator checked (0 without one).</summary>
    public int OpenApiValidated => _validation?.Validated ?? 0;

    /// <summary>Gets how many bodies the emulator sent (REST answers and gateway payload parts) were checked against
    /// the OpenAPI document's response schemas (0 without one).</summary>
    public int SentBodiesValidated => _sent?.Checked ?? 0;

    /// <summary>Gets every way a body the emulator sent departed from the OpenAPI document (empty without one).</summary>
    public IReadOnlyCollection<string> SentBodyViolations => _sent?.Violations ?? [];

    private string GatewayBase => $"ws://{Address.Authority}/gateway";

    public static async Task<DiscordEmulator> StartAsync(EmulatorOptions? options = null)
    {
        var emulator = new DiscordEmulator(options ?? new EmulatorOptions());
        (emulator._app, emulator._address) = await LoopbackHttpServer.StartKestrelAsync(app =>
        {
            app.UseWebSockets();
            app.Run(emulator.RouteAsync);
        });
        return emulator;
    }

    /// <summary>Gets every message the bot created, in no particular order.</summary>
    public IReadOnlyCollection<EmulatedMessage> Messages => (IReadOnlyCollection<EmulatedMessage>)_state.Messages.Values;

    /// <summary>Gets a message by id.</summary>
    public EmulatedMessage Message(ulong id) => _state.Messages[id];

    /// <summary>Gets the commands registered in a scope ("global" or a guild id), or null.</summary>
    public JsonArray? Commands(string scope) => _state.Commands.TryGetValue(scope, out var commands) ? commands : null;

    /// <summary>Gets how many times commands were registered in a scope.</summary>
    public int CommandRegistrations(string scope) => _state.CommandRegistrations.TryGetValue(scope, out var n) ? n : 0;

    /// <summary>A member runs a slash command; options as Discord sends them (name, type, value).</summary>
    public Task<EmulatedInteraction> RunSlashCommandAsync(string name, JsonArray? options = null, EmulatedMember? member = null, ulong channelId = ChannelId, JsonObject? resolved = null)
    {
        var data = InteractionPayloads.SlashCommand(_commandIds.GetOrAdd(name, _ => _ids.Next()), name, options ?? []);
        if (resolved is not null)
        {
            data["resolved"] = resolved;
        }

        return StartInteractionAsync(2, data, member, channelId, null);
    }

    /// <summary>A member attaches a file to a command's attachment option: the file is on the emulated CDN, and the
    /// returned id and <c>resolved</c> object go into the command as Discord sends them.</summary>
    public (string Id, JsonObject Resolved) Upload(string fileName, byte[] content, string contentType)
    {
        var id = _ids.Next();
        _state.Uploads[id] = new EmulatedAttachment(id, fileName, contentType, content, null);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var attachment = new JsonObject
        {
            ["id"] = key,
            ["filename"] = fileName,
            ["size"] = content.Length,
            ["content_type"] = contentType,
            ["url"] = new Uri(Address, $"attachments/{ChannelId}/{key}/{Uri.EscapeDataString(fileName)}").ToString(),
            ["proxy_url"] = new Uri(Address, $"attachments/{ChannelId}/{key}/{Uri.EscapeDataString(fileName)}").ToString(),
        };
        return (key, new JsonObject { ["attachments"] = new JsonObject { [key] = attachment } });
    }

    /// <summary>A member types into a command option with autocomplete.</summary>
    public Task<EmulatedInteraction> AutocompleteAsync(string name, JsonArray options, EmulatedMember? member = null) =>
        StartInteractionAsync(4, InteractionPayloads.SlashCommand(_commandIds.GetOrAdd(name, _ => _ids.Next()), name, options), member, ChannelId, null);

    /// <summary>A member presses a button on one of the bot's messages.</summary>
    public Task<EmulatedInteraction> PressButtonAsync(ulong messageId, string customId, EmulatedMember? member = null)
    {
        var message = Message(messageId);
        return StartInteractionAsync(3, InteractionPayloads.Button(customId), member, message.ChannelId, MessageJson(message));
    }

    /// <summary>A member picks values in a select menu on one of the bot's messages.</summary>
    public Task<EmulatedInteraction> SelectAsync(ulong messageId, string customId, IEnumerable<string> values, EmulatedMember? member = null)
    {
        var message = Message(messageId);
        return StartInteractionAsync(3, InteractionPayloads.Select(customId, values), member, message.ChannelId, MessageJson(message));
    }

    /// <summary>A member submits a modal the bot showed; <paramref name="values"/> maps text-input custom ids to text.</summary>
    public Task<EmulatedInteraction> SubmitModalAsync(string customId, IReadOnlyDictionary<string, string> values, EmulatedMember? member = null, ulong? fromMessageId = null) =>
        StartInteractionAsync(5, InteractionPayloads.ModalSubmit(customId, values), member, ChannelId, fromMessageId is { } id ? MessageJson(Message(id)) : null);

    /// <summary>A member adds a reaction to a message; MESSAGE_REACTION_ADD is dispatched only to a session whose
    /// intents include GUILD_MESSAGE_REACTIONS, as Discord does.</summary>
    public async Task AddReactionAsync(ulong messageId, string emoji, EmulatedMember? member = null)
    {
        var message = Message(messageId);
        member ??= EmulatedMember.Ordinary;
        lock (message)
        {
            message.Reactions.Add(emoji);
        }

        await Gateway.DispatchAsync("MESSAGE_REACTION_ADD", new JsonObject
        {
            ["user_id"] = member.UserId.ToString(CultureInfo.InvariantCulture),
            ["channel_id"] = message.ChannelId.ToString(CultureInfo.InvariantCulture),
            ["message_id"] = message.Id.ToString(CultureInfo.InvariantCulture),
            ["guild_id"] = GuildId.ToString(CultureInfo.InvariantCulture),
            ["member"] = member.Json(),
            ["message_author_id"] = Options.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["emoji"] = new JsonObject { ["id"] = null, ["name"] = emoji },
            ["type"] = 0,
            ["burst"] = false,
            ["burst_colors"] = new JsonArray(),
        }, null, requiredIntent: 1 << 10);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _validation?.Dispose();
    }

    private async Task<EmulatedInteraction> StartInteractionAsync(int type, JsonObject data, EmulatedMember? member, ulong channelId, JsonObject? message)
    {
        member ??= EmulatedMember.Ordinary;
        var id = _ids.Next();
        var token = "aW50ZXJhY3Rpb246" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:")).TrimEnd('=')
            + Base64Url(RandomNumberGenerator.GetBytes(96));
        var payload = InteractionPayloads.Build(id, token, type, Options, GuildId, channelId, member, data, message, (Locale, GuildLocale), ChannelNsfw);
        var interaction = new EmulatedInteraction(id, token, type, channelId, member.UserId, Options.Time.GetUtcNow(), payload);
        _state.Interactions[id] = interaction;
        _state.InteractionsByToken[token] = interaction;
        await Gateway.DispatchAsync("INTERACTION_CREATE", payload, interaction);
        return interaction;
    }

    private JsonObject MessageJson(EmulatedMessage message) => MessagePayloads.Json(message, Options.ApplicationId, Address);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task RouteAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (path == "/gateway" || path == "/gateway/")
        {
            await Gateway.AcceptAsync(http);
        }
        else if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            await ServeAttachmentAsync(http, path.Split('/'));
        }
        else
        {
            await _rest.HandleAsync(http);
        }
    }

    // /attachments/{channel}/{attachment id}/{file name}: the CDN.
    private async Task ServeAttachmentAsync(HttpContext http, string[] parts)
    {
        var attachment = parts.Length == 5 && ulong.TryParse(parts[3], CultureInfo.InvariantCulture, out var id)
            ? _state.Messages.Values.SelectMany(static m => m.Attachments).FirstOrDefault(a => a.Id == id) ?? _state.Uploads.GetValueOrDefault(id)
            : null;
        if (attachment is null)
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = attachment.ContentType;
        await http.Response.Body.WriteAsync(attachment.Content);
    }
}
