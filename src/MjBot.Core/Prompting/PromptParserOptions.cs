namespace MjBot.Core.Prompting;

/// <summary>Limits and configuration-driven vocabularies of the prompt parser.</summary>
public sealed class PromptParserOptions
{
    /// <summary>Gets the defaults: 6000 characters, 40 jobs per command, any syntactically valid model alias.</summary>
    public static PromptParserOptions Default { get; } = new();

    /// <summary>Gets the maximum prompt length in characters.</summary>
    /// <value>The default value is 6000 (Discord's STRING option maximum, and Midjourney's limit).</value>
    public int MaxLength { get; init; } = 6000;

    /// <summary>Gets the cap on expansions × repeat for one command.</summary>
    /// <value>The default value is 40 (Midjourney's Pro/Mega cap).</value>
    public int MaxJobsPerCommand { get; init; } = 40;

    /// <summary>Gets the queue's running jobs per member when the queue's room, not the command limit, caps a
    /// command (the "too many jobs" sentence then says so); 0 by default.</summary>
    public int QueueRunning { get; init; }

    /// <summary>Gets the queue's waiting jobs per member, with <see cref="QueueRunning"/>.</summary>
    public int QueueWaiting { get; init; }

    /// <summary>Gets the model aliases <c>--model</c> may name; <see langword="null"/> accepts any well-formed alias
    /// (used where no configuration is at hand).</summary>
    public IReadOnlySet<string>? ModelAliases { get; init; }

    /// <summary>Gets the LoRA names <c>--lora</c> may name (the backend's LoRA files, without extensions);
    /// <see langword="null"/> accepts any well-formed name.</summary>
    public IReadOnlySet<string>? LoraNames { get; init; }
}
