using MjBot.Cli;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class DoctorVerbTests : IDisposable
{
    private const string WellFormedToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Doctor_WithoutConfiguration_MarksTheTokenWithAFixAndExits1()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?>());

        Assert.Equal(1, exit);
        Assert.Contains("✗ Configuration", table, StringComparison.Ordinal);
        Assert.Contains("✗ Discord token", table, StringComparison.Ordinal);
        Assert.Contains("fix: set Discord:Token (MjBot__Discord__Token in the environment or .env)", table, StringComparison.Ordinal);
        Assert.Contains("✓ Data folder", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithAWellFormedToken_PassesAndSaysWhatWasNotCheckedYet()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?> { ["Discord:Token"] = WellFormedToken });

        Assert.Equal(0, exit);
        Assert.Contains("✓ Configuration", table, StringComparison.Ordinal);
        Assert.Contains("– Discord token", table, StringComparison.Ordinal);
        Assert.Contains("not yet checked with Discord", table, StringComparison.Ordinal);
        Assert.Contains("– OpenAI key", table, StringComparison.Ordinal);
        Assert.Contains("– ONNX Runtime", table, StringComparison.Ordinal);
        Assert.Contains("No problems found.", table, StringComparison.Ordinal);
        Assert.DoesNotContain(WellFormedToken, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_DataFolderThatIsAFile_FailsWithAFix()
    {
        await File.WriteAllTextAsync(_folder.Combine("not-a-folder"), "x");

        var (exit, table) = await DoctorAsync(new Dictionary<string, string?>
        {
            ["Discord:Token"] = WellFormedToken,
            ["Storage:DataFolder"] = "not-a-folder",
        });

        Assert.Equal(1, exit);
        Assert.Contains("✗ Data folder", table, StringComparison.Ordinal);
        Assert.Contains("fix: create the folder and give MjBot's user write access", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithATokenPastedWithItsPrefix_SaysHowToFixIt()
    {
        var (exit, table) = await DoctorAsync(new Dictionary<string, string?> { ["Discord:Token"] = "Bot " + WellFormedToken });

        Assert.Equal(1, exit);
        Assert.Contains("Discord:Token must be the token alone: remove the leading \"Bot \".", table, StringComparison.Ordinal);
        Assert.DoesNotContain(WellFormedToken, table, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(int Exit, string Table)> DoctorAsync(Dictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(["doctor"], new CliContext(output, TextWriter.Null, _folder.Path, settings));
        return (exit, output.ToString());
    }
}
