using System.Globalization;
using Microsoft.Data.Sqlite;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Storage;

/// <summary>Jobs in SQLite. Times are Unix milliseconds; Discord ids are stored as signed 64-bit integers (snowflakes
/// stay below 2^63).</summary>
public sealed class SqliteJobStore(SqliteDatabase database) : IJobStore
{
    private const string Columns =
        "id, kind, parent_id, parent_index, option, guild_id, channel_id, user_id, prompt, backend, seed, status, attempts, error, progress, " +
        "interaction_id, interaction_token, token_expires_at, status_message_id, result_message_id, delivered, created_at, started_at, finished_at, notes, revised_prompt, attachment_size_limit, locale, age_restricted, spoilered, safety_flagged, clip_scores";

    private const string Parameters =
        "$id, $kind, $parent_id, $parent_index, $option, $guild_id, $channel_id, $user_id, $prompt, $backend, $seed, $status, $attempts, $error, $progress, " +
        "$interaction_id, $interaction_token, $token_expires_at, $status_message_id, $result_message_id, $delivered, $created_at, $started_at, $finished_at, $notes, $revised_prompt, $attachment_size_limit, $locale, $age_restricted, $spoilered, $safety_flagged, $clip_scores";

    public Task AddAsync(Job job, CancellationToken cancellationToken) =>
        database.RunAsync(c => Write(c, $"INSERT INTO jobs ({Columns}) VALUES ({Parameters})", job), cancellationToken);

    public Task UpdateAsync(Job job, CancellationToken cancellationToken) =>
        database.RunAsync(c => Write(c, UpdateSql, job), cancellationToken);

    private static string UpdateSql { get; } =
        "UPDATE jobs SET " + string.Join(", ", Columns.Split(", ").Skip(1).Select(static c => $"{c} = ${c}")) + " WHERE id = $id";

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken) =>
        database.RunAsync(c => Query(c, "WHERE id = $a", id.ToString()).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<Job>> ActiveAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Job>>(c => Query(c, "WHERE status IN (0, 1) ORDER BY created_at, rowid"), cancellationToken);

    public Task<IReadOnlyList<Job>> UndeliveredAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Job>>(c => Query(c, "WHERE delivered = 0 AND status >= 2 ORDER BY created_at"), cancellationToken);

    public Task<IReadOnlyList<Job>> ForUserAsync(ulong userId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Job>>(c => Query(c, "WHERE user_id = $a AND created_at >= $b ORDER BY created_at DESC", (long)userId, since.ToUnixTimeMilliseconds()), cancellationToken);

    public Task<Job?> FindByResultMessageAsync(ulong messageId, CancellationToken cancellationToken) =>
        database.RunAsync(c => Query(c, "WHERE result_message_id = $a", (long)messageId).FirstOrDefault(), cancellationToken);

    public Task<bool> ToggleFavoriteAsync(ulong userId, JobId job, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var delete = c.CreateCommand();
                delete.CommandText = "DELETE FROM favorites WHERE user_id = $u AND job_id = $j";
                delete.Parameters.AddWithValue("$u", (long)userId);
                delete.Parameters.AddWithValue("$j", job.ToString());
                if (delete.ExecuteNonQuery() > 0)
                {
                    return false;
                }

                using var insert = c.CreateCommand();
                insert.CommandText = "INSERT INTO favorites (user_id, job_id, created_at) VALUES ($u, $j, $t)";
                insert.Parameters.AddWithValue("$u", (long)userId);
                insert.Parameters.AddWithValue("$j", job.ToString());
                insert.Parameters.AddWithValue("$t", now.ToUnixTimeMilliseconds());
                insert.ExecuteNonQuery();
                return true;
            },
            cancellationToken);

    public Task<int> CountFavoritesAsync(ulong userId, CancellationToken cancellationToken) =>
        database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM favorites WHERE user_id = $u";
                command.Parameters.AddWithValue("$u", (long)userId);
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);

    public Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(string backend, int count, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<TimeSpan>>(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT finished_at - started_at FROM jobs WHERE status = 2 AND backend = $a AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT $b";
                command.Parameters.AddWithValue("$a", backend);
                command.Parameters.AddWithValue("$b", count);
                using var reader = command.ExecuteReader();
                var durations = new List<TimeSpan>();
                while (reader.Read())
                {
                    durations.Add(TimeSpan.FromMilliseconds(reader.GetInt64(0)));
                }

                return durations;
            },
            cancellationToken);

    private static void Write(SqliteConnection connection, string sql, Job job)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.Parameters;
        p.AddWithValue("$id", job.Id.ToString());
        p.AddWithValue("$kind", (int)job.Kind);
        p.AddWithValue("$parent_id", (object?)job.ParentId?.ToString() ?? DBNull.Value);
        p.AddWithValue("$parent_index", (object?)job.ParentIndex ?? DBNull.Value);
        p.AddWithValue("$option", (object?)job.Option ?? DBNull.Value);
        p.AddWithValue("$guild_id", job.GuildId is { } guild ? (long)guild : DBNull.Value);
        p.AddWithValue("$channel_id", (long)job.ChannelId);
        p.AddWithValue("$user_id", (long)job.UserId);
        p.AddWithValue("$prompt", job.Prompt);
        p.AddWithValue("$backend", job.Backend);
        p.AddWithValue("$seed", job.Seed);
        p.AddWithValue("$status", (int)job.Status);
        p.AddWithValue("$attempts", job.Attempts);
        p.AddWithValue("$error", (object?)job.Error ?? DBNull.Value);
        p.AddWithValue("$progress", job.Progress);
        p.AddWithValue("$interaction_id", job.InteractionId is { } interaction ? (long)interaction : DBNull.Value);
        p.AddWithValue("$interaction_token", (object?)job.InteractionToken?.Value ?? DBNull.Value);
        p.AddWithValue("$token_expires_at", (object?)job.InteractionToken?.ExpiresAt.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$status_message_id", job.StatusMessageId is { } status ? (long)status : DBNull.Value);
        p.AddWithValue("$result_message_id", job.ResultMessageId is { } result ? (long)result : DBNull.Value);
        p.AddWithValue("$delivered", job.Delivered ? 1 : 0);
        p.AddWithValue("$created_at", job.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$started_at", (object?)job.StartedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$finished_at", (object?)job.FinishedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$notes", (object?)job.Notes ?? DBNull.Value);
        p.AddWithValue("$revised_prompt", (object?)job.RevisedPrompt ?? DBNull.Value);
        p.AddWithValue("$attachment_size_limit", (object?)job.AttachmentSizeLimit ?? DBNull.Value);
        p.AddWithValue("$locale", (object?)job.Locale ?? DBNull.Value);
        p.AddWithValue("$age_restricted", job.AgeRestricted ? 1 : 0);
        p.AddWithValue("$spoilered", job.Spoilered ? 1 : 0);
        p.AddWithValue("$safety_flagged", job.SafetyFlagged ? 1 : 0);
        p.AddWithValue("$clip_scores", job.ClipScores.Count == 0 ? DBNull.Value : string.Join(';', job.ClipScores.Select(static s => s.ToString("0.0", CultureInfo.InvariantCulture))));
        command.ExecuteNonQuery();
    }

    private static List<Job> Query(SqliteConnection connection, string where, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs {where}";
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (char)('a' + i), values[i]);
        }

        using var reader = command.ExecuteReader();
        var jobs = new List<Job>();
        while (reader.Read())
        {
            jobs.Add(Read(reader));
        }

        return jobs;
    }

    private static Job Read(SqliteDataReader r)
    {
        ulong? Id(int i) => r.IsDBNull(i) ? null : (ulong)r.GetInt64(i);
        DateTimeOffset? Time(int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Job
        {
            Id = new JobId(Guid.ParseExact(r.GetString(0), "N")),
            Kind = (JobKind)r.GetInt32(1),
            ParentId = r.IsDBNull(2) ? null : new JobId(Guid.ParseExact(r.GetString(2), "N")),
            ParentIndex = r.IsDBNull(3) ? null : r.GetInt32(3),
            Option = Text(4),
            GuildId = Id(5),
            ChannelId = (ulong)r.GetInt64(6),
            UserId = (ulong)r.GetInt64(7),
            Prompt = r.GetString(8),
            Backend = r.GetString(9),
            Seed = r.GetInt64(10),
            Status = (JobStatus)r.GetInt32(11),
            Attempts = r.GetInt32(12),
            Error = Text(13),
            Progress = r.GetInt32(14),
            InteractionId = Id(15),
            InteractionToken = Text(16) is { } token && Time(17) is { } expires ? new KeptInteractionToken(token, expires) : null,
            StatusMessageId = Id(18),
            ResultMessageId = Id(19),
            Delivered = r.GetInt32(20) != 0,
            CreatedAt = Time(21)!.Value,
            StartedAt = Time(22),
            FinishedAt = Time(23),
            Notes = Text(24),
            RevisedPrompt = Text(25),
            AttachmentSizeLimit = r.IsDBNull(26) ? null : r.GetInt64(26),
            Locale = Text(27),
            AgeRestricted = r.GetInt64(28) != 0,
            Spoilered = r.GetInt64(29) != 0,
            SafetyFlagged = r.GetInt64(30) != 0,
            ClipScores = r.IsDBNull(31) ? [] : [.. r.GetString(31).Split(';').Select(static s => double.Parse(s, CultureInfo.InvariantCulture))],
        };
    }
}
