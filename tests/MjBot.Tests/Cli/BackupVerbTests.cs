using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Storage;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class BackupVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Backup_DataFolderWithADatabase_WritesTheCopyAndTheManifest()
    {
        await (await SqliteDatabase.OpenAsync(_folder.Combine("data", "mjbot.db"), CancellationToken.None)).DisposeAsync();
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await MjBotCommandLine.RunAsync(["backup", "backups/today.db"], new CliContext(output, error, _folder.Path, new Dictionary<string, string?>()));

        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("Backed up 0 jobs to ", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.Combine("backups", "today.db")));
        Assert.True(File.Exists(_folder.Combine("backups", "today.db.images.json")));
    }

    [Fact]
    public async Task Backup_NoDatabase_OneSentenceAndExit1()
    {
        var error = new StringWriter();

        var exit = await MjBotCommandLine.RunAsync(["backup", "x.db"], new CliContext(TextWriter.Null, error, _folder.Path, new Dictionary<string, string?>()));

        Assert.Equal(1, exit);
        Assert.StartsWith("mjbot backup: There is no database at ", error.ToString(), StringComparison.Ordinal);
    }
}
