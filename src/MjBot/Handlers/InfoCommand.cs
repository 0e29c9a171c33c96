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
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/info: the member's running and waiting jobs (with ids for /show and ❌), what they made today, their
/// favourites, the bot's queue depth and which image tools this server has (/blend, /describe with its describer,
/// /shorten); moderators also see the server's paid-backend spending today. Only they see
/// it.</summary>
internal sealed class InfoCommand(DiscordRestClient rest, IJobStore jobs, JobService service, SpendingCap spending, DescribeCommand describe, ShortenCommand shorten, TimeProvider time)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var user = interaction.Invoker!.Id.Value;
        var now = time.GetUtcNow();
        var recent = await jobs.ForUserAsync(user, now - TimeSpan.FromDays(1), cancellationToken);
        var today = recent.Where(j => j.CreatedAt >= new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero)).ToList();
        var (waiting, running) = service.Depth;
        var l = interaction.MemberLanguage();
        var text = new StringBuilder();
        text.Append(l.Text("info.title")).Append('\n').Append(l.Text("info.user", ("id", user))).Append('\n');
        Section(text, l.Text("info.running", ("count", recent.Count(static j => j.Status == JobStatus.Running))), recent.Where(static j => j.Status == JobStatus.Running));
        Section(text, l.Text("info.queued", ("count", recent.Count(static j => j.Status == JobStatus.Queued))), recent.Where(static j => j.Status == JobStatus.Queued));
        text.Append(l.Text("info.today", ("done", today.Count(static j => j.Status == JobStatus.Succeeded)), ("failed", today.Count(static j => j.Status == JobStatus.Failed)))).Append('\n');
        text.Append(l.Text("info.favourites", ("count", await jobs.CountFavoritesAsync(user, cancellationToken)))).Append('\n');
        if (recent.SelectMany(static j => j.ClipScores).ToList() is { Count: > 0 } scores)
        {
            // The mean over the last day's scored images: how closely this member's images follow their prompts.
            text.Append(l.Text("info.clip", ("score", Math.Round(scores.Average(), 1)), ("images", scores.Count))).Append('\n');
        }

        text.Append(l.Text("info.queue", ("running", running), ("waiting", waiting))).Append('\n');
        text.Append(l.Text("info.tools", ("describe", describe.Describer is { } d ? l.Text("info.tool_by", ("describer", d.Name)) : l.Text("info.tool_off")), ("shorten", shorten.Available ? l.Text("info.tool_on") : l.Text("info.tool_off"))));
        if (Moderators.IsModerator(interaction) && interaction.GuildId is { } guild)
        {
            var (spent, cap) = await spending.TodayAsync(guild.Value, "openai", cancellationToken);
            text.Append('\n').Append(cap > 0
                ? l.Text("info.spending_cap", ("spent", spent.ToString("0.00", CultureInfo.InvariantCulture)), ("cap", cap.ToString("0.00", CultureInfo.InvariantCulture)))
                : l.Text("info.spending", ("spent", spent.ToString("0.00", CultureInfo.InvariantCulture))));
        }

        await Replies.EphemeralAsync(rest, interaction, text.ToString(), cancellationToken);
    }

    private static void Section(StringBuilder text, string heading, IEnumerable<Job> list)
    {
        var items = list.ToList();
        text.Append(heading).Append('\n');
        foreach (var job in items.Take(10))
        {
            var prompt = job.Prompt.Length > 60 ? job.Prompt[..60] + "…" : job.Prompt;
            text.Append(CultureInfo.InvariantCulture, $"- `{job.Id}` {prompt.Replace('`', '\'')}\n");
        }
    }
}
