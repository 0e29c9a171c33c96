using Microsoft.Data.Sqlite;

namespace MjBot.Storage;

/// <summary>The schema, as numbered steps applied in order inside one transaction each; PRAGMA user_version records
/// the last one applied. A step, once released, is never edited: changes are new steps.</summary>
internal static class Migrations
{
    private static readonly string[] Steps =
    [
        // 1: jobs, images, settings.
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind INTEGER NOT NULL,
            parent_id TEXT REFERENCES jobs(id),
            parent_index INTEGER,
            option TEXT,
            guild_id INTEGER,
            channel_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            prompt TEXT NOT NULL,
            backend TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            progress INTEGER NOT NULL DEFAULT 0,
            interaction_id INTEGER,
            interaction_token TEXT,
            token_expires_at INTEGER,
            status_message_id INTEGER,
            result_message_id INTEGER,
            delivered INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            started_at INTEGER,
            finished_at INTEGER
        );
        CREATE INDEX jobs_active ON jobs(status, created_at) WHERE status IN (0, 1);
        CREATE INDEX jobs_undelivered ON jobs(delivered) WHERE delivered = 0 AND status >= 2;
        CREATE INDEX jobs_user ON jobs(user_id, created_at);
        CREATE INDEX jobs_backend_done ON jobs(backend, finished_at) WHERE status = 2;
        CREATE TABLE images (
            job_id TEXT NOT NULL REFERENCES jobs(id),
            idx INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (job_id, idx)
        );
        CREATE TABLE user_settings (user_id INTEGER PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE guild_settings (guild_id INTEGER PRIMARY KEY, json TEXT NOT NULL);
        """,

        // 2: ❤️ favourites, and finding a job by its result message (✉️ reactions).
        """
        CREATE TABLE favorites (user_id INTEGER NOT NULL, job_id TEXT NOT NULL REFERENCES jobs(id), created_at INTEGER NOT NULL, PRIMARY KEY (user_id, job_id));
        CREATE INDEX jobs_result_message ON jobs(result_message_id) WHERE result_message_id IS NOT NULL;
        """,

        // 3: what the backend said about a result.
        """
        ALTER TABLE jobs ADD COLUMN notes TEXT;
        """,

        // 4: spending on paid backends per server and UTC day, in millionths of a dollar.
        """
        CREATE TABLE spending (guild_id INTEGER NOT NULL, day TEXT NOT NULL, micro_usd INTEGER NOT NULL, PRIMARY KEY (guild_id, day));
        """,

        // 5: moderation: disallow rules, bans, held prompts and the audit log, per server.
        """
        CREATE TABLE disallow_rules (
            guild_id INTEGER NOT NULL,
            term TEXT NOT NULL,
            mode INTEGER NOT NULL,
            action INTEGER NOT NULL,
            category TEXT NOT NULL,
            PRIMARY KEY (guild_id, term, mode)
        );
        CREATE TABLE bans (
            guild_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            reason TEXT,
            banned_by INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (guild_id, user_id)
        );
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            guild_id INTEGER NOT NULL,
            channel_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            prompt TEXT NOT NULL,
            backend TEXT NOT NULL,
            rule_term TEXT NOT NULL,
            rule_mode INTEGER NOT NULL,
            rule_action INTEGER NOT NULL,
            rule_category TEXT NOT NULL,
            timed_out INTEGER NOT NULL,
            status INTEGER NOT NULL,
            appealed INTEGER NOT NULL,
            interaction_token TEXT,
            token_expires_at INTEGER,
            review_message_id INTEGER,
            created_at INTEGER NOT NULL,
            decided_by INTEGER,
            decided_at INTEGER
        );
        CREATE TABLE moderation_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            guild_id INTEGER NOT NULL,
            actor_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX moderation_log_guild ON moderation_log(guild_id, id);
        CREATE INDEX moderation_log_actor ON moderation_log(guild_id, actor_id, action, at);
        """,

        // 6: the provider's rewrite of the prompt, whole (the ℹ️ button shows it).
        """
        ALTER TABLE jobs ADD COLUMN revised_prompt TEXT;
        """,

        // 7: the interaction's upload limit (boosted servers allow more), so the result fits what that channel takes.
        """
        ALTER TABLE jobs ADD COLUMN attachment_size_limit INTEGER;
        """,

        // 8: the language of the job's public messages (the server's locale when it was made).
        """
        ALTER TABLE jobs ADD COLUMN locale TEXT;
        """,

        // 9: the member's language on a held or blocked prompt, so the moderators' decision reaches them in it.
        """
        ALTER TABLE reviews ADD COLUMN locale TEXT;
        """,

        // 10: the channel's age restriction and the safety checker's spoiler, which decide how images are posted.
        """
        ALTER TABLE jobs ADD COLUMN age_restricted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN spoilered INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN safety_flagged INTEGER NOT NULL DEFAULT 0;
        """,

        // 11: the CLIP score of each image against its prompt ("31.2;28.4;…"), shown by the ℹ️ button.
        """
        ALTER TABLE jobs ADD COLUMN clip_scores TEXT;
        """,
    ];

    /// <summary>Gets the schema version this build writes.</summary>
    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        var current = Version(connection);
        if (current > Latest)
        {
            throw new InvalidOperationException($"The database is at schema version {current}, newer than this MjBot ({Latest}); run a newer MjBot or restore a backup.");
        }

        for (var step = current; step < Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[step] + $"; PRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
