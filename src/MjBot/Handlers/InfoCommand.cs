using System.Globalization;
using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Jobs;
using MjBot.Moderation;

namespace MjBot.Handlers;

/// <summary>/info: the member's running and waiting jobs (with ids for /show and ❌), what they made today, their
/// favourites, and the bot's queue depth; moderators also see the server's paid-backend spending today. Only they see
/// it.</summary>
internal sealed class InfoCommand(DiscordRestClient rest, IJobStore jobs, JobService service, SpendingCap spending, TimeProvider time)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var user = interaction.Invoker!.Id.Value;
        var now = time.GetUtcNow();
        var recent = await jobs.ForUserAsync(user, now - TimeSpan.FromDays(1), cancellationToken);
        var today = recent.Where(j => j.CreatedAt >= new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero)).ToList();
        var (waiting, running) = service.Depth;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Your info**\nUser ID: {user}\n");
        Section(text, "Running jobs", recent.Where(static j => j.Status == JobStatus.Running));
        Section(text, "Queued jobs", recent.Where(static j => j.Status == JobStatus.Queued));
        text.Append(CultureInfo.InvariantCulture, $"Today: {today.Count(static j => j.Status == JobStatus.Succeeded)} jobs finished, {today.Count(static j => j.Status == JobStatus.Failed)} failed\n");
        text.Append(CultureInfo.InvariantCulture, $"Favourites: {await jobs.CountFavoritesAsync(user, cancellationToken)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Bot queue: {running} running, {waiting} waiting");
        if (Moderators.IsModerator(interaction) && interaction.GuildId is { } guild)
        {
            var (spent, cap) = await spending.TodayAsync(guild.Value, "openai", cancellationToken);
            text.Append(CultureInfo.InvariantCulture, $"\nThis server's OpenAI spending today (UTC): ${spent:0.00}{(cap > 0 ? $" of ${cap:0.00}" : " (no cap)")}");
        }

        await Replies.EphemeralAsync(rest, interaction, text.ToString(), cancellationToken);
    }

    private static void Section(StringBuilder text, string title, IEnumerable<Job> list)
    {
        var items = list.ToList();
        text.Append(CultureInfo.InvariantCulture, $"{title}: {items.Count}\n");
        foreach (var job in items.Take(10))
        {
            var prompt = job.Prompt.Length > 60 ? job.Prompt[..60] + "…" : job.Prompt;
            text.Append(CultureInfo.InvariantCulture, $"- `{job.Id}` {prompt.Replace('`', '\'')}\n");
        }
    }
}
