using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>An end-to-end test class's ground: a loopback Discord emulator and a data folder, made before each test
/// and removed after it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    /// <summary>Gets the data folder the bot under test uses.</summary>
    protected TempFolder Data { get; } = new();

    /// <summary>Gets the emulator the bot under test connects to.</summary>
    protected DiscordEmulator.DiscordEmulator Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Emulator = await DiscordEmulator.DiscordEmulator.StartAsync();

    public virtual async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Data.Dispose();
    }
}
