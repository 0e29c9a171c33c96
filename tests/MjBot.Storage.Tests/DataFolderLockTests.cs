using MjBot.Testing;

namespace MjBot.Storage.Tests;

public sealed class DataFolderLockTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _data = new();

    [Fact]
    public void TryAcquire_FolderHeld_OneSentenceNamingTheHolder()
    {
        Assert.Null(DataFolderLock.TryAcquire(_data.Path, Now, out var held));
        using (held)
        {
            var refusal = DataFolderLock.TryAcquire(_data.Path, Now, out var second);

            Assert.Null(second);
            Assert.Equal(
                $"Another MjBot process (process {Environment.ProcessId} on {Environment.MachineName}, started 2026-12-06T12:00:00.0000000+00:00) is using the data folder {_data.Path}; stop it first, or give this one its own Storage:DataFolder.",
                refusal);
        }
    }

    [Fact]
    public void TryAcquire_AfterTheHolderLetGo_Succeeds()
    {
        Assert.Null(DataFolderLock.TryAcquire(_data.Path, Now, out var first));
        first!.Dispose();

        Assert.Null(DataFolderLock.TryAcquire(_data.Path, Now, out var second));
        second!.Dispose();
        Assert.False(File.Exists(Path.Combine(_data.Path, "mjbot.lock.json")));
    }

    [Fact]
    public void TryAcquire_MissingFolder_IsCreated()
    {
        var folder = Path.Combine(_data.Path, "new", "data");

        Assert.Null(DataFolderLock.TryAcquire(folder, Now, out var held));
        held!.Dispose();
        Assert.True(Directory.Exists(folder));
    }

    public void Dispose() => _data.Dispose();
}
