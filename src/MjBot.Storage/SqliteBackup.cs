using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace MjBot.Storage;

/// <summary>An online, consistent backup of the database through SQLite's backup API (the bot may keep running and
/// writing), and a manifest of the image files the backup refers to, so that the images folder can be copied and
/// checked against it. The backup is checked with <c>PRAGMA integrity_check</c> before it is reported done.</summary>
public static class SqliteBackup
{
    /// <summary>Backs up <paramref name="databasePath"/> into <paramref name="destination"/> (replaced if present),
    /// and writes <c>&lt;destination&gt;.images.json</c>.</summary>
    /// <returns>What was saved.</returns>
    public static async Task<BackupReport> CreateAsync(string databasePath, string imagesFolder, string destination, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"There is no database at {databasePath}.", databasePath);
        }

        var temporary = destination + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        File.Delete(temporary);
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            using var check = target.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
            {
                throw new InvalidDataException("The backup failed SQLite's integrity check; the source database may be damaged.");
            }
        }

        File.Move(temporary, destination, overwrite: true);
        var (jobs, images, missing) = await ManifestAsync(destination, imagesFolder, cancellationToken);
        return new BackupReport(destination, new FileInfo(destination).Length, jobs, images, missing);
    }

    private static async Task<(long Jobs, int Images, int Missing)> ManifestAsync(string backup, string imagesFolder, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM jobs";
        var jobs = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT sha256, size FROM images ORDER BY sha256";
        var files = new JsonArray();
        var missing = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sha = reader.GetString(0);
                var relative = Path.Combine(sha[..2], sha + ".png");
                var present = File.Exists(Path.Combine(imagesFolder, relative));
                missing += present ? 0 : 1;
                files.Add(new JsonObject { ["path"] = relative, ["sha256"] = sha, ["size"] = reader.GetInt64(1), ["present"] = present });
            }
        }

        var manifest = new JsonObject { ["database"] = Path.GetFileName(backup), ["images_folder"] = imagesFolder, ["jobs"] = jobs, ["images"] = files };
        await File.WriteAllTextAsync(backup + ".images.json", manifest.ToJsonString(), cancellationToken);
        return (jobs, files.Count, missing);
    }
}
