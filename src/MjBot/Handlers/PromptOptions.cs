using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;

namespace MjBot.Handlers;

/// <summary>The grammar's limits as this server is configured: one per-command cap (the configured
/// <c>Queue:MaxJobsPerCommand</c>, never more than a member's whole queue holds, so a command the parser accepts
/// always fits an empty queue) and the <c>--model</c> aliases and <c>--lora</c> names of the backend the prompt will run on.</summary>
internal sealed class PromptOptions(IOptions<QueueOptions> queue, BackendRegistry backends)
{
    /// <summary>Gets the parser options for a prompt that runs on <paramref name="backend"/>.</summary>
    public PromptParserOptions For(string backend)
    {
        var found = backends.Find(backend);
        return Create(queue.Value, found is IModelCatalog catalog ? catalog.ModelAliases : null, found is ILoraCatalog loras ? loras.LoraNames : null);
    }

    /// <summary>Gets the parser options for the queue limits and a backend's aliases (null: any well-formed alias).</summary>
    public static PromptParserOptions Create(QueueOptions queue, IReadOnlySet<string>? modelAliases, IReadOnlySet<string>? loraNames = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var room = queue.MaxRunningPerUser + queue.MaxWaitingPerUser;
        return new PromptParserOptions
        {
            MaxJobsPerCommand = Math.Min(queue.MaxJobsPerCommand, room),
            QueueRunning = queue.MaxJobsPerCommand > room ? queue.MaxRunningPerUser : 0,
            QueueWaiting = queue.MaxJobsPerCommand > room ? queue.MaxWaitingPerUser : 0,
            ModelAliases = modelAliases,
            LoraNames = loraNames,
        };
    }
}
