using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>An end-to-end test class's ground: a loopback Discord emulator and a data folder, made before each test
/// and removed after it. The emulator validates against Discord's OpenAPI document both ways: what the bot sends
/// (refused with 50035 if invalid) and what the emulator sends back (each departure fails the test at its end).</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    /// <summary>Gets the data folder the bot under test uses.</summary>
    protected TempFolder Data { get; } = new();

    /// <summary>Gets the emulator the bot under test connects to.</summary>
    protected DiscordEmulator.DiscordEmulator Emulator { get; private set; } = null!;

    public virtual async Task InitializeAsync() =>
        Emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new DiscordEmulator.EmulatorOptions { OpenApiDocument = RepositoryPaths.InTestData("discord-openapi.json") });

    public virtual async Task DisposeAsync()
    {
        var violations = Emulator.SentBodyViolations.ToList();
        await Emulator.DisposeAsync();
        Data.Dispose();
        Assert.True(violations.Count == 0, "The emulator sent bodies the OpenAPI document refuses:\n" + string.Join('\n', violations));
    }
}
