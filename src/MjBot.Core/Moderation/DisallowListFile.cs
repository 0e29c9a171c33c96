using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MjBot.Core.Moderation;

/// <summary>The /disallow export file, and what /disallow import reads: that JSON, or plain text with one word per
/// line (blocked, matched as a word; lines starting with # are comments).</summary>
public static class DisallowListFile
{
    public const int MaxRules = 1000;

    public static byte[] Write(bool useDefaultList, IEnumerable<DisallowRule> rules)
    {
        var array = new JsonArray();
        foreach (var rule in rules)
        {
            array.Add(new JsonObject
            {
                ["term"] = rule.Term,
                ["mode"] = rule.Mode.ToString().ToLowerInvariant(),
                ["action"] = rule.Action.ToString().ToLowerInvariant(),
                ["category"] = rule.Category,
            });
        }

        var root = new JsonObject { ["format"] = "mjbot-disallow-list/1", ["use_default_list"] = useDefaultList, ["rules"] = array };
        return Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads the entries of a file; each entry is a rule to validate, or a sentence saying why it cannot be.</summary>
    public static IReadOnlyList<(int Line, string? Term, MatchMode Mode, RuleAction Action, string? Category, DisallowRuleResult.Invalid? Problem)> Read(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return ReadJson(trimmed);
        }

        return [.. text.Split('\n')
            .Select((line, i) => (Line: i + 1, Text: line.Trim()))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
            .Select(l => (l.Line, (string?)l.Text, MatchMode.Word, RuleAction.Block, (string?)null, (DisallowRuleResult.Invalid?)null))];
    }

    private static List<(int, string?, MatchMode, RuleAction, string?, DisallowRuleResult.Invalid?)> ReadJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            return [(ex.LineNumber is { } l ? (int)l + 1 : 1, null, MatchMode.Word, RuleAction.Block, null, DisallowRuleResult.Invalid.Of("moderation.import_not_json", ("detail", ex.Message)))];
        }

        var entries = (root as JsonArray ?? root?["rules"] as JsonArray) ?? [];
        var result = new List<(int, string?, MatchMode, RuleAction, string?, DisallowRuleResult.Invalid?)>();
        var n = 0;
        foreach (var entry in entries)
        {
            n++;
            if (entry is not JsonObject rule || rule["term"] is not JsonValue term || !term.TryGetValue<string>(out var termText))
            {
                result.Add((n, null, MatchMode.Word, RuleAction.Block, null, DisallowRuleResult.Invalid.Of("moderation.import_no_term")));
                continue;
            }

            var mode = Text(rule, "mode") ?? "word";
            var action = Text(rule, "action") ?? "block";
            if (!Enum.TryParse<MatchMode>(mode, ignoreCase: true, out var parsedMode) || !Enum.IsDefined(parsedMode))
            {
                result.Add((n, termText, MatchMode.Word, RuleAction.Block, null, DisallowRuleResult.Invalid.Of("moderation.import_mode", ("mode", mode))));
                continue;
            }

            if (!Enum.TryParse<RuleAction>(action, ignoreCase: true, out var parsedAction) || !Enum.IsDefined(parsedAction))
            {
                result.Add((n, termText, parsedMode, RuleAction.Block, null, DisallowRuleResult.Invalid.Of("moderation.import_action", ("action", action))));
                continue;
            }

            result.Add((n, termText, parsedMode, parsedAction, Text(rule, "category"), null));
        }

        return result;
    }

    private static string? Text(JsonObject rule, string name) =>
        rule[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
