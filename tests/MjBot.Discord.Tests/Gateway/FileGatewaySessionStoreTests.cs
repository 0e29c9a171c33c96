using MjBot.Discord.Gateway;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Gateway;

public sealed class FileGatewaySessionStoreTests : IDisposable
{
    private static readonly GatewaySessionState Kept = new("9f0c1d", new Uri("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json&compress=zlib-stream"), 42, new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly TempFolder _folder = new();

    private string Path => _folder.Combine("data", "gateway-session.json");

    [Fact]
    public void Take_AfterSave_ReturnsTheSessionOnceAndRemovesTheFile()
    {
        var store = new FileGatewaySessionStore(Path);

        store.Save(Kept);
        var first = store.Take();
        var second = store.Take();

        Assert.Equal(Kept, first);
        Assert.Null(second);
        Assert.False(File.Exists(Path));
    }

    [Fact]
    public void Take_NothingSaved_ReturnsNull() => Assert.Null(new FileGatewaySessionStore(Path).Take());

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"session_id":"","resume_url":"wss://x/","sequence":1,"saved_at":"2026-11-22T10:00:00Z"}""")]
    [InlineData("""{"session_id":"a","resume_url":"relative/path","sequence":1,"saved_at":"2026-11-22T10:00:00Z"}""")]
    public void Take_UnusableFile_ThrowsInvalidDataAndRemovesIt(string content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, content);

        var error = Assert.Throws<InvalidDataException>(() => new FileGatewaySessionStore(Path).Take());

        Assert.StartsWith("gateway-session.json ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Save_OnUnix_IsReadableByItsOwnerOnly()
    {
        new FileGatewaySessionStore(Path).Save(Kept);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path));
        Assert.False(File.Exists(Path + ".tmp"));
    }

    public void Dispose() => _folder.Dispose();
}
