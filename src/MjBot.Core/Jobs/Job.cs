namespace MjBot.Core.Jobs;

/// <summary>One job and everything needed to run, deliver and recover it. Discord ids are plain numbers here: the
/// domain knows no Discord types.</summary>
public sealed record Job
{
    public required JobId Id { get; init; }

    public required JobKind Kind { get; init; }

    /// <summary>Gets the job this one was made from (U, V, 🔄, Upscale, Zoom, Pan).</summary>
    public JobId? ParentId { get; init; }

    /// <summary>Gets the parent image (1–4) it was made from.</summary>
    public int? ParentIndex { get; init; }

    /// <summary>Gets the action's option: "strong"/"subtle" (variations), "subtle"/"creative" (upscales), "2"/"1.5"
    /// (zoom), "left"/"right"/"up"/"down" (pan).</summary>
    public string? Option { get; init; }

    public ulong? GuildId { get; init; }

    public required ulong ChannelId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>Gets the whole prompt as the member typed it (or edited it in the remix modal), parameters included.</summary>
    public required string Prompt { get; init; }

    /// <summary>Gets the backend that runs it.</summary>
    public required string Backend { get; init; }

    /// <summary>Gets the seed of the first image (the others use seed + 1, + 2, + 3).</summary>
    public required long Seed { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Queued;

    /// <summary>Gets how many times it started running.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets why it failed or was blocked, in a sentence fit for the member.</summary>
    public string? Error { get; init; }

    /// <summary>Gets what the backend said about the result (approximated or ignored parameters, a rewritten prompt),
    /// one sentence per line, shown under the result.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the provider's rewrite of the prompt (dall-e-3's revised_prompt), whole, or null.</summary>
    public string? RevisedPrompt { get; init; }

    /// <summary>Gets the last progress reported (0–100).</summary>
    public int Progress { get; init; }

    public ulong? InteractionId { get; init; }

    /// <summary>Gets the interaction's token (a secret, valid 15 minutes), or null for a job no interaction answers.</summary>
    public KeptInteractionToken? InteractionToken { get; init; }

    /// <summary>Gets the largest file the interaction's channel accepts (Discord's <c>attachment_size_limit</c>: more
    /// on boosted servers), or null when unknown (the default 10 MiB applies).</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>Gets the Discord locale its public messages are written in (the server's, from the interaction that
    /// made it), or null for English.</summary>
    public string? Locale { get; init; }

    /// <summary>Gets whether the channel it was made in is age-restricted (Discord's <c>nsfw</c> flag; a DM never is).</summary>
    public bool AgeRestricted { get; init; }

    /// <summary>Gets whether the safety checker flagged one of its images (and the server's policy still let it be
    /// posted: behind a spoiler, or in an age-restricted channel).</summary>
    public bool SafetyFlagged { get; init; }

    /// <summary>Gets whether its images are posted behind a spoiler (the safety checker flagged one, under the server's
    /// Spoiler policy).</summary>
    public bool Spoilered { get; init; }

    /// <summary>Gets the CLIP score of each of its images against its prompt (grid order), or none when no CLIP model
    /// is configured.</summary>
    public IReadOnlyList<double> ClipScores { get; init; } = [];

    /// <summary>Gets the message that shows the job waiting and running.</summary>
    public ulong? StatusMessageId { get; init; }

    /// <summary>Gets the message that carries the result.</summary>
    public ulong? ResultMessageId { get; init; }

    /// <summary>Gets whether the outcome (result or failure) was posted.</summary>
    public bool Delivered { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public bool IsTerminal => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled or JobStatus.Blocked;

    /// <summary>Gets whether the job makes a 2×2 grid of four images (the rest make one image).</summary>
    public bool MakesGrid => Kind is JobKind.Imagine or JobKind.Reroll or JobKind.Variation or JobKind.ZoomOut or JobKind.Pan;

}
