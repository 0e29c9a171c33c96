using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Hosting;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>A data folder the host cannot use is one sentence and an exit code, never a stack trace.</summary>
public sealed class DataFolderTests : EmulatorTest
{
    [Fact]
    public async Task Run_DataFolderUnderAFile_OneSentenceAndExit78()
    {
        await File.WriteAllTextAsync(Data.Combine("not-a-folder"), "x");
        using var logs = new CapturingLoggerProvider();
        var settings = RunningBot.Settings(Emulator, Data.Combine("not-a-folder", "data"));
        var backend = new TestBackend.TestBackend();

        var exit = await MjBotHost.RunAsync(new CliContext(TextWriter.Null, TextWriter.Null, Data.Path, settings), services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton(new BackendRegistration(backend.Name));
            services.AddSingleton<IImageBackend>(backend);
        });

        Assert.Equal(78, exit);
        var line = Assert.Single(logs.Entries, static e => e.Level == LogLevel.Critical);
        Assert.StartsWith($"The data folder {Data.Combine("not-a-folder", "data")} cannot be written (", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", logs.AllText, StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Gateway.Identifies);
    }
}
