using System.Text;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>/disallow add|remove|list|import|export|defaults|test: the server's disallow list, for members with
/// Manage Server only (checked on every call).</summary>
internal sealed class DisallowCommand(
    DiscordRestClient rest,
    IModerationStore store,
    ISettingsStore settings,
    GuildRules rules,
    ILinkFetcher fetcher,
    ModerationAudit audit)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await ModeratorAccess.GuildAsync(rest, interaction, "disallow", cancellationToken) is not { } guildId)
        {
            return;
        }

        switch (CommandOptions.Subcommand(interaction))
        {
            case "add":
                await AddAsync(interaction, guildId, cancellationToken);
                break;
            case "remove":
                await RemoveAsync(interaction, guildId, cancellationToken);
                break;
            case "list":
                await Replies.EphemeralAsync(rest, interaction, await ListAsync(interaction.MemberLanguage(), guildId, cancellationToken), cancellationToken);
                break;
            case "import":
                await ImportAsync(interaction, guildId, cancellationToken);
                break;
            case "export":
                await ExportAsync(interaction, guildId, cancellationToken);
                break;
            case "defaults":
                await DefaultsAsync(interaction, guildId, cancellationToken);
                break;
            case "test":
                await TestAsync(interaction, guildId, cancellationToken);
                break;
            default:
                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.usage"), cancellationToken);
                break;
        }
    }

    private static string Describe(DisallowRule rule) =>
        $"`{rule.Term.Replace('`', '\'')}` ({rule.Mode.ToString().ToLowerInvariant()}, {rule.Action.ToString().ToLowerInvariant()}, *{rule.Category}*)";

    private async Task AddAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        var mode = CommandOptions.String(interaction, "mode") switch { "phrase" => MatchMode.Phrase, "regex" => MatchMode.Regex, _ => MatchMode.Word };
        var action = CommandOptions.String(interaction, "action") == "review" ? RuleAction.Review : RuleAction.Block;
        var checkedRule = DisallowRules.Validate(CommandOptions.String(interaction, "term"), mode, action, CommandOptions.String(interaction, "category"), rules.RegexTimeout);
        if (checkedRule is not DisallowRuleResult.Valid { Rule: var rule })
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.not_added", ("reason", ((DisallowRuleResult.Invalid)checkedRule).Text(interaction.MemberLanguage()))), cancellationToken);
            return;
        }

        var isNew = await store.PutRuleAsync(guildId, rule, cancellationToken);
        rules.Invalidate(guildId);
        await audit.RecordAsync(guildId, interaction.Invoker!.Id.Value, "disallow add", Describe(rule), cancellationToken);
        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(isNew ? "disallow.added" : "disallow.updated", ("rule", Describe(rule))), cancellationToken);
    }

    private async Task RemoveAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        var term = CommandOptions.String(interaction, "term") ?? string.Empty;
        var removed = await store.RemoveRuleAsync(guildId, term, cancellationToken);
        if (removed == 0)
        {
            var builtIn = DefaultDisallowList.Rules.Any(r => string.Equals(r.Term, term.Trim(), StringComparison.OrdinalIgnoreCase));
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(builtIn ? "disallow.built_in" : "disallow.no_rule", ("term", term)), cancellationToken);
            return;
        }

        rules.Invalidate(guildId);
        await audit.RecordAsync(guildId, interaction.Invoker!.Id.Value, "disallow remove", $"`{term}`", cancellationToken);
        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.removed", ("term", term)), cancellationToken);
    }

    private async Task<string> ListAsync(Localizer l, ulong guildId, CancellationToken cancellationToken)
    {
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var own = await store.GetRulesAsync(guildId, cancellationToken);
        var text = new StringBuilder();
        text.Append(rules.UsesDefaultList(guild) ? l.Text("disallow.defaults_on_count", ("count", DefaultDisallowList.Rules.Count)) : l.Text("disallow.defaults_off_state")).Append('\n');
        text.Append(own.Count == 0 ? l.Text("disallow.no_own") : l.Text("disallow.own", ("count", own.Count)) + "\n");
        var shown = 0;
        foreach (var rule in own)
        {
            var line = "• " + Describe(rule) + "\n";
            if (text.Length + line.Length > 1850)
            {
                text.Append(l.Text("disallow.more", ("count", own.Count - shown)));
                break;
            }

            text.Append(line);
            shown++;
        }

        return text.ToString();
    }

    private async Task ImportAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        if (CommandOptions.Attachment(interaction, "file") is not { Url: { } url })
        {
            await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.attach"), cancellationToken);
            return;
        }

        await Replies.DeferEphemeralAsync(rest, interaction, cancellationToken);
        var fetched = await fetcher.FetchAsync(url, LinkContent.Text, cancellationToken);
        if (fetched is LinkFetchResult.Refused refused)
        {
            await Replies.EditAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.import_refused", ("reason", refused.Reason)), cancellationToken);
            return;
        }

        var entries = DisallowListFile.Read(((LinkFetchResult.Fetched)fetched).Bytes);
        if (entries.Count > DisallowListFile.MaxRules)
        {
            await Replies.EditAsync(rest, interaction, interaction.MemberLanguage().Text("disallow.import_too_many", ("count", entries.Count), ("max", DisallowListFile.MaxRules)), cancellationToken);
            return;
        }

        var (added, updated) = (0, 0);
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            var checkedRule = entry.Problem ?? DisallowRules.Validate(entry.Term, entry.Mode, entry.Action, entry.Category, rules.RegexTimeout);
            if (checkedRule is DisallowRuleResult.Valid { Rule: var rule })
            {
                _ = await store.PutRuleAsync(guildId, rule, cancellationToken) ? added++ : updated++;
            }
            else
            {
                problems.Add(interaction.MemberLanguage().Text("disallow.import_entry", ("line", entry.Line), ("reason", ((DisallowRuleResult.Invalid)checkedRule).Text(interaction.MemberLanguage()))));
            }
        }

        rules.Invalidate(guildId);
        await audit.RecordAsync(guildId, interaction.Invoker!.Id.Value, "disallow import", interaction.ServerLanguage().Text("audit.import", ("added", added), ("updated", updated), ("skipped", problems.Count)), cancellationToken);
        var report = interaction.MemberLanguage().Text("disallow.imported", ("added", added), ("updated", updated), ("skipped", problems.Count));
        if (problems.Count > 0)
        {
            report += "\n" + string.Join("\n", problems.Take(10).Select(p => "• " + p)) + (problems.Count > 10 ? "\n" + interaction.MemberLanguage().Text("disallow.import_more", ("count", problems.Count - 10)) : string.Empty);
        }

        await Replies.EditAsync(rest, interaction, report, cancellationToken);
    }

    private async Task ExportAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var file = DisallowListFile.Write(rules.UsesDefaultList(guild), await store.GetRulesAsync(guildId, cancellationToken));
        await rest.RespondAsync(
            interaction.Id,
            interaction.Token,
            new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
            {
                Content = interaction.MemberLanguage().Text("disallow.export"),
                Flags = MessageBody.Ephemeral,
                AllowedMentions = new AllowedMentions([]),
            }),
            [new UploadFile("disallow-list.json", file, "application/json")],
            interaction.AttachmentSizeLimit ?? MessageLimits.DefaultFileBytes,
            cancellationToken);
    }

    private async Task DefaultsAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        var on = CommandOptions.String(interaction, "use") != "off";
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        await settings.SaveGuildAsync(guildId, guild with { UseDefaultList = on }, cancellationToken);
        rules.Invalidate(guildId);
        await audit.RecordAsync(guildId, interaction.Invoker!.Id.Value, "disallow defaults", interaction.ServerLanguage().Text(on ? "audit.on" : "audit.off"), cancellationToken);
        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(on ? "disallow.defaults_on" : "disallow.defaults_off"), cancellationToken);
    }

    private async Task TestAsync(Interaction interaction, ulong guildId, CancellationToken cancellationToken)
    {
        var prompt = CommandOptions.String(interaction, "prompt") ?? string.Empty;
        IEnumerable<string> texts = PromptParser.Parse(prompt) is PromptParseResult.Success parsed ? ModeratedText.Of(parsed) : [prompt];
        var verdict = (await rules.ForGuildAsync(guildId, cancellationToken)).Check(texts);
        await Replies.EphemeralAsync(rest, interaction, verdict switch
        {
            ModerationVerdict.Matched { TimedOut: true } m => interaction.MemberLanguage().Text("disallow.test_timed_out", ("rule", Describe(m.Rule))),
            ModerationVerdict.Matched m => interaction.MemberLanguage().Text("disallow.test_match", ("rule", Describe(m.Rule))),
            _ => interaction.MemberLanguage().Text("disallow.test_pass"),
        }, cancellationToken);
    }
}
