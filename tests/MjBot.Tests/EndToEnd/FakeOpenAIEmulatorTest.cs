using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>An emulator test with the fake OpenAI server beside it, started and stopped with each test.</summary>
public abstract class FakeOpenAIEmulatorTest : EmulatorTest
{
    /// <summary>Gets the fake OpenAI server the bot under test may use.</summary>
    protected FakeOpenAI OpenAI { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        OpenAI = await FakeOpenAI.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await OpenAI.DisposeAsync();
        await base.DisposeAsync();
    }
}
