using System.Security.Cryptography;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace MjBot.Storage;

/// <summary>Images as files under the data folder, content-addressed (images/ab/abcdef….png, so a variation that
/// equals its source is stored once), with a row per job and index in SQLite. Files are written to a temporary name
/// and moved into place, so a crash never leaves half a PNG under a real name.</summary>
public sealed class FileImageStore(SqliteDatabase database, string folder) : IImageStore
{
    public async Task<string> SaveAsync(JobId job, int index, ReadOnlyMemory<byte> png, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(png.Span));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, png, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        await database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "INSERT OR REPLACE INTO images (job_id, idx, sha256, size) VALUES ($job, $idx, $sha, $size)";
                command.Parameters.AddWithValue("$job", job.ToString());
                command.Parameters.AddWithValue("$idx", index);
                command.Parameters.AddWithValue("$sha", sha);
                command.Parameters.AddWithValue("$size", png.Length);
                command.ExecuteNonQuery();
            },
            cancellationToken);
        return sha;
    }

    public async Task<byte[]?> LoadAsync(JobId job, int index, CancellationToken cancellationToken)
    {
        var sha = await database.RunAsync(
            c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT sha256 FROM images WHERE job_id = $job AND idx = $idx";
                command.Parameters.AddWithValue("$job", job.ToString());
                command.Parameters.AddWithValue("$idx", index);
                return command.ExecuteScalar() as string;
            },
            cancellationToken);
        return sha is not null && File.Exists(PathOf(sha)) ? await File.ReadAllBytesAsync(PathOf(sha), cancellationToken) : null;
    }

    private string PathOf(string sha) => Path.Combine(folder, sha[..2], sha + ".png");
}
