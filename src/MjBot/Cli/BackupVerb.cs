using Microsoft.Data.Sqlite;
using MjBot.Hosting;
using MjBot.Storage;

namespace MjBot.Cli;

/// <summary><c>mjbot backup &lt;file&gt;</c>: an online, consistent copy of the database (the bot may keep running)
/// and <c>&lt;file&gt;.images.json</c>, the manifest of the image files it refers to. Exit code 1 when it fails.</summary>
internal static class BackupVerb
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        if (args.Length != 1)
        {
            await context.Error.WriteLineAsync("Usage: mjbot backup <file>");
            return MjBotCommandLine.UsageError;
        }

        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            await context.Error.WriteLineAsync(problem);
            return ConfigurationLoader.ConfigurationError;
        }

        var folder = Path.GetFullPath(configuration["Storage:DataFolder"] is { Length: > 0 } configured ? configured : "data", context.ContentRoot);
        var destination = Path.GetFullPath(args[0], context.ContentRoot);
        try
        {
            var report = await SqliteBackup.CreateAsync(Path.Combine(folder, "mjbot.db"), Path.Combine(folder, "images"), destination, CancellationToken.None);
            await context.Out.WriteLineAsync($"Backed up {report.Jobs} jobs to {report.Path} ({report.Bytes} bytes); {report.Images} image files listed in {report.Path}.images.json"
                + (report.MissingImages > 0 ? $", {report.MissingImages} of them missing from the images folder." : "."));
            await context.Out.WriteLineAsync($"Copy the folder {Path.Combine(folder, "images")} with it; see the README's \"Backups and upgrades\" to restore.");
            return 0;
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or SqliteException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"mjbot backup: {ex.Message}");
            return 1;
        }
    }
}
