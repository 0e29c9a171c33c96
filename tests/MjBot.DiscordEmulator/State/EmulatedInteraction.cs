using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.State;

/// <summary>An interaction a member started, and everything the bot did with it.</summary>
public sealed class EmulatedInteraction(ulong id, string token, int type, ulong channelId, ulong userId, DateTimeOffset createdAt, JsonObject payload)
{
    private readonly TaskCompletionSource<int> _initial = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ulong Id { get; } = id;

    /// <summary>Gets the interaction token (a secret to the bot; tests use it to check redaction).</summary>
    public string Token { get; } = token;

    /// <summary>Gets the interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit).</summary>
    public int Type { get; } = type;

    public ulong ChannelId { get; } = channelId;

    public ulong UserId { get; } = userId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Gets the INTERACTION_CREATE data as sent.</summary>
    public JsonObject Payload { get; } = payload;

    /// <summary>Gets when the dispatch was first written to a gateway connection (the 3-second clock starts here).</summary>
    public DateTimeOffset? DispatchedAt { get; internal set; }

    /// <summary>Gets when the accepted initial response arrived.</summary>
    public DateTimeOffset? RespondedAt { get; internal set; }

    /// <summary>Gets the accepted initial response's type.</summary>
    public int? ResponseType { get; internal set; }

    /// <summary>Gets the accepted initial response's data.</summary>
    public JsonObject? ResponseData { get; internal set; }

    /// <summary>Gets how many initial responses were attempted (accepted or refused).</summary>
    public int ResponseAttempts { get; internal set; }

    /// <summary>Gets the message that is @original, once there is one.</summary>
    public EmulatedMessage? Original { get; internal set; }

    /// <summary>Gets the follow-up messages.</summary>
    public List<EmulatedMessage> FollowUps { get; } = [];

    /// <summary>Gets a task that completes with the callback type when the initial response is accepted.</summary>
    public Task<int> InitialResponse => _initial.Task;

    internal void Accepted(int callbackType, JsonObject? data, DateTimeOffset at)
    {
        ResponseType = callbackType;
        ResponseData = data;
        RespondedAt = at;
        _initial.TrySetResult(callbackType);
    }
}
