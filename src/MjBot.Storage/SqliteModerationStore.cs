using Microsoft.Data.Sqlite;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;

namespace MjBot.Storage;

/// <summary>Disallow rules, bans, held prompts and the audit log in SQLite, one server's rows apart from another's.</summary>
public sealed class SqliteModerationStore(SqliteDatabase database) : IModerationStore
{
    private const string ReviewColumns =
        "id, guild_id, channel_id, user_id, prompt, backend, rule_term, rule_mode, rule_action, rule_category, timed_out, status, appealed, interaction_token, token_expires_at, review_message_id, created_at, decided_by, decided_at, locale";

    public Task<IReadOnlyList<DisallowRule>> GetRulesAsync(ulong guildId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DisallowRule>>(
            c =>
            {
                using var command = Command(c, "SELECT term, mode, action, category FROM disallow_rules WHERE guild_id = $g ORDER BY term, mode", ("$g", (long)guildId));
                using var reader = command.ExecuteReader();
                var rules = new List<DisallowRule>();
                while (reader.Read())
                {
                    rules.Add(new DisallowRule(reader.GetString(0), (MatchMode)reader.GetInt32(1), (RuleAction)reader.GetInt32(2), reader.GetString(3)));
                }

                return rules;
            },
            cancellationToken);

    public Task<bool> PutRuleAsync(ulong guildId, DisallowRule rule, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var exists = Command(c, "SELECT 1 FROM disallow_rules WHERE guild_id = $g AND term = $t AND mode = $m", ("$g", (long)guildId), ("$t", rule.Term), ("$m", (int)rule.Mode));
                var isNew = exists.ExecuteScalar() is null;
                using var put = Command(
                    c,
                    "INSERT INTO disallow_rules (guild_id, term, mode, action, category) VALUES ($g, $t, $m, $a, $c) ON CONFLICT(guild_id, term, mode) DO UPDATE SET action = excluded.action, category = excluded.category",
                    ("$g", (long)guildId),
                    ("$t", rule.Term),
                    ("$m", (int)rule.Mode),
                    ("$a", (int)rule.Action),
                    ("$c", rule.Category));
                put.ExecuteNonQuery();
                return isNew;
            },
            cancellationToken);

    public Task<int> RemoveRuleAsync(ulong guildId, string term, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, "DELETE FROM disallow_rules WHERE guild_id = $g AND term = $t COLLATE NOCASE", ("$g", (long)guildId), ("$t", term.Trim()));
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<bool> BanAsync(MemberBan ban, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(
                    c,
                    "INSERT INTO bans (guild_id, user_id, reason, banned_by, at) VALUES ($g, $u, $r, $b, $at) ON CONFLICT(guild_id, user_id) DO NOTHING",
                    ("$g", (long)ban.GuildId),
                    ("$u", (long)ban.UserId),
                    ("$r", ban.Reason),
                    ("$b", (long)ban.BannedBy),
                    ("$at", ban.At.ToUnixTimeMilliseconds()));
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public Task<bool> UnbanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, "DELETE FROM bans WHERE guild_id = $g AND user_id = $u", ("$g", (long)guildId), ("$u", (long)userId));
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public async Task<MemberBan?> GetBanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        (await BansAsync("WHERE guild_id = $g AND user_id = $u", guildId, userId, cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<MemberBan>> GetBansAsync(ulong guildId, CancellationToken cancellationToken) =>
        BansAsync("WHERE guild_id = $g ORDER BY at", guildId, 0, cancellationToken);

    public Task AddReviewAsync(PromptReview review, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = $"INSERT INTO reviews ({ReviewColumns}) VALUES ($id, $guild_id, $channel_id, $user_id, $prompt, $backend, $rule_term, $rule_mode, $rule_action, $rule_category, $timed_out, $status, $appealed, $interaction_token, $token_expires_at, $review_message_id, $created_at, $decided_by, $decided_at, $locale)";
                Bind(command, review);
                command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<PromptReview?> GetReviewAsync(string id, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, $"SELECT {ReviewColumns} FROM reviews WHERE id = $id", ("$id", id));
                using var reader = command.ExecuteReader();
                return reader.Read() ? ReadReview(reader) : null;
            },
            cancellationToken);

    public Task<bool> UpdateReviewAsync(PromptReview review, ReviewStatus expected, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "UPDATE reviews SET status = $status, appealed = $appealed, interaction_token = $interaction_token, token_expires_at = $token_expires_at, review_message_id = $review_message_id, decided_by = $decided_by, decided_at = $decided_at WHERE id = $id AND status = $expected";
                Bind(command, review);
                command.Parameters.AddWithValue("$expected", (int)expected);
                return command.ExecuteNonQuery() == 1;
            },
            cancellationToken);

    public Task<int> CountAppealsAsync(ulong guildId, ulong userId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(c, "SELECT COUNT(*) FROM moderation_log WHERE guild_id = $g AND actor_id = $u AND action = $a AND at >= $s", ("$g", (long)guildId), ("$u", (long)userId), ("$a", ModerationLogEntry.AppealAction), ("$s", since.ToUnixTimeMilliseconds()));
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);

    public Task AppendLogAsync(ModerationLogEntry entry, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = Command(
                    c,
                    "INSERT INTO moderation_log (guild_id, actor_id, action, detail, at) VALUES ($g, $a, $action, $d, $at)",
                    ("$g", (long)entry.GuildId),
                    ("$a", (long)entry.ActorId),
                    ("$action", entry.Action),
                    ("$d", entry.Detail),
                    ("$at", entry.At.ToUnixTimeMilliseconds()));
                command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task<IReadOnlyList<ModerationLogEntry>> GetLogAsync(ulong guildId, int count, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ModerationLogEntry>>(
            c =>
            {
                using var command = Command(c, "SELECT guild_id, actor_id, action, detail, at FROM moderation_log WHERE guild_id = $g ORDER BY id DESC LIMIT $n", ("$g", (long)guildId), ("$n", count));
                using var reader = command.ExecuteReader();
                var entries = new List<ModerationLogEntry>();
                while (reader.Read())
                {
                    entries.Add(new ModerationLogEntry((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
                }

                return entries;
            },
            cancellationToken);

    private Task<IReadOnlyList<MemberBan>> BansAsync(string where, ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<MemberBan>>(
            c =>
            {
                using var command = Command(c, "SELECT guild_id, user_id, reason, banned_by, at FROM bans " + where, ("$g", (long)guildId), ("$u", (long)userId));
                using var reader = command.ExecuteReader();
                var bans = new List<MemberBan>();
                while (reader.Read())
                {
                    bans.Add(new MemberBan((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), (ulong)reader.GetInt64(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
                }

                return bans;
            },
            cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Bind(SqliteCommand command, PromptReview review)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", review.Id);
        p.AddWithValue("$guild_id", (long)review.GuildId);
        p.AddWithValue("$channel_id", (long)review.ChannelId);
        p.AddWithValue("$user_id", (long)review.UserId);
        p.AddWithValue("$prompt", review.Prompt);
        p.AddWithValue("$backend", review.Backend);
        p.AddWithValue("$rule_term", review.Rule.Term);
        p.AddWithValue("$rule_mode", (int)review.Rule.Mode);
        p.AddWithValue("$rule_action", (int)review.Rule.Action);
        p.AddWithValue("$rule_category", review.Rule.Category);
        p.AddWithValue("$timed_out", review.TimedOut ? 1 : 0);
        p.AddWithValue("$status", (int)review.Status);
        p.AddWithValue("$appealed", review.Appealed ? 1 : 0);
        p.AddWithValue("$interaction_token", (object?)review.InteractionToken?.Value ?? DBNull.Value);
        p.AddWithValue("$token_expires_at", (object?)review.InteractionToken?.ExpiresAt.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$review_message_id", review.ReviewMessageId is { } m ? (long)m : DBNull.Value);
        p.AddWithValue("$created_at", review.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$decided_by", review.DecidedBy is { } d ? (long)d : DBNull.Value);
        p.AddWithValue("$decided_at", (object?)review.DecidedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$locale", (object?)review.Locale ?? DBNull.Value);
    }

    private static PromptReview ReadReview(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        GuildId = (ulong)r.GetInt64(1),
        ChannelId = (ulong)r.GetInt64(2),
        UserId = (ulong)r.GetInt64(3),
        Prompt = r.GetString(4),
        Backend = r.GetString(5),
        Rule = new DisallowRule(r.GetString(6), (MatchMode)r.GetInt32(7), (RuleAction)r.GetInt32(8), r.GetString(9)),
        TimedOut = r.GetInt64(10) != 0,
        Status = (ReviewStatus)r.GetInt32(11),
        Appealed = r.GetInt64(12) != 0,
        InteractionToken = r.IsDBNull(13) || r.IsDBNull(14) ? null : new KeptInteractionToken(r.GetString(13), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(14))),
        ReviewMessageId = r.IsDBNull(15) ? null : (ulong)r.GetInt64(15),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(16)),
        DecidedBy = r.IsDBNull(17) ? null : (ulong)r.GetInt64(17),
        DecidedAt = r.IsDBNull(18) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(18)),
        Locale = r.IsDBNull(19) ? null : r.GetString(19),
    };
}
