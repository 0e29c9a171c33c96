using Microsoft.Data.Sqlite;

namespace MjBot.Storage;

/// <summary>Deletes what is older than the retention age: finished jobs and their image rows, held prompts that were
/// decided or blocked and never appealed, and image files no row refers to any more. Kept: jobs still waiting or running, favourites, every job a
/// kept job was made from (its parent, grandparent …), and the moderation audit log.</summary>
public static class SqliteRetention
{
    private const string Doomed = """
        WITH RECURSIVE kept(id) AS (
            SELECT id FROM jobs WHERE status < 2 OR finished_at IS NULL OR finished_at >= $cutoff
            UNION SELECT job_id FROM favorites
            UNION SELECT j.parent_id FROM jobs j JOIN kept k ON j.id = k.id WHERE j.parent_id IS NOT NULL
        )
        SELECT id FROM jobs WHERE id NOT IN (SELECT id FROM kept)
        """;

    /// <returns>How many jobs and image files were deleted.</returns>
    public static Task<(int Jobs, int Files)> PurgeAsync(SqliteDatabase database, string imagesFolder, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.RunAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var shas = Strings(connection, transaction, $"SELECT DISTINCT sha256 FROM images WHERE job_id IN ({Doomed})", cutoff);
                var jobs = Execute(connection, transaction, $"DELETE FROM images WHERE job_id IN ({Doomed}); DELETE FROM jobs WHERE id IN ({Doomed});", cutoff);
                // Decided reviews, and blocked prompts never appealed: their rows hold an (expired) interaction token.
                Execute(connection, transaction, "DELETE FROM reviews WHERE (status >= 2 AND decided_at < $cutoff) OR (status = 0 AND created_at < $cutoff)", cutoff);
                var orphans = shas.Where(sha => Strings(connection, transaction, "SELECT sha256 FROM images WHERE sha256 = $sha LIMIT 1", cutoff, sha).Count == 0).ToList();
                transaction.Commit();

                var files = 0;
                foreach (var sha in orphans)
                {
                    var path = Path.Combine(imagesFolder, sha[..2], sha + ".png");
                    if (File.Exists(path))
                    {
                        File.Delete(path);
                        files++;
                    }
                }

                return (jobs, files);
            },
            cancellationToken);

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, DateTimeOffset cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        using var changes = connection.CreateCommand();
        changes.Transaction = transaction;
        changes.CommandText = "SELECT changes()";
        return Convert.ToInt32(changes.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection connection, SqliteTransaction transaction, string sql, DateTimeOffset cutoff, string? sha = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        if (sha is not null)
        {
            command.Parameters.AddWithValue("$sha", sha);
        }

        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
