using System.Collections.Concurrent;
using System.Diagnostics;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>A Discord client library nobody here wrote (Debian's discord.py, unpatched, eng/discordpy-roundtrip.py)
/// against the emulator: it logs in, sees its guild and channel, and completes the interaction round trip (defer,
/// edit, follow-up, read back), and reads its application, guild, channels and member over REST. The emulator has to
/// send what Discord sends for that to work, and every body it sends is checked against the OpenAPI document.</summary>
public sealed class IndependentClientTests
{
    [Fact]
    public async Task DiscordPy_AgainstTheEmulator_LogsInSeesItsGuildAndCompletesAnInteraction()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new DiscordEmulator.EmulatorOptions { OpenApiDocument = RepositoryPaths.InTestData("discord-openapi.json") });
        var lines = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.InRoot("eng", "discordpy-roundtrip.py"));
        start.ArgumentList.Add(emulator.RestBase.ToString());
        start.ArgumentList.Add(emulator.Options.Token);
        using var python = Process.Start(start)!;
        python.OutputDataReceived += (_, e) => { if (e.Data is { } line) { lines.Enqueue(line); } };
        python.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { errors.Enqueue(line); } };
        python.BeginOutputReadLine();
        python.BeginErrorReadLine();
        try
        {
            string? Stopped() => python.HasExited ? $"discord.py exited ({python.ExitCode}): {string.Join('\n', errors)}" : null;
            await Eventually.UntilAsync(() => lines.Any(static l => l == "FETCHED"), "discord.py to log in, see its guild and read it over REST", TimeSpan.FromSeconds(30), Stopped, () => string.Join('\n', lines.Concat(errors)));

            var interaction = await emulator.RunSlashCommandAsync("imagine");
            await Eventually.UntilAsync(() => lines.Contains("DONE"), "the round trip", TimeSpan.FromSeconds(30), Stopped, () => string.Join('\n', lines.Concat(errors)));

            Assert.Contains($"READY {emulator.Options.ApplicationId}", string.Join('\n', lines), StringComparison.Ordinal);
            Assert.Contains(lines, static l => l == $"GUILD {DiscordEmulator.DiscordEmulator.GuildId} MjBot Test Server channels: {DiscordEmulator.DiscordEmulator.ChannelId}" || l.StartsWith($"GUILD {DiscordEmulator.DiscordEmulator.GuildId} ", StringComparison.Ordinal) && l.Contains(DiscordEmulator.DiscordEmulator.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var guild = DiscordEmulator.DiscordEmulator.GuildId;
            var channel = DiscordEmulator.DiscordEmulator.ChannelId;
            var bot = emulator.Options.ApplicationId;
            Assert.DoesNotContain(lines, static l => l.StartsWith("ERROR", StringComparison.Ordinal));
            Assert.Contains($"APPLICATION {bot} True False", lines);
            Assert.Contains($"FETCHED GUILD {guild} MjBot Test Server", lines);
            Assert.Contains($"FETCHED CHANNELS {channel}", lines);
            Assert.Contains($"FETCHED CHANNEL {channel} imagine False", lines);
            Assert.Contains($"FETCHED MEMBER {bot} True", lines);
            Assert.Equal(5, interaction.ResponseType);
            Assert.Equal("edited by discord.py", interaction.Original!.Content);
            Assert.Equal("a follow-up from discord.py", Assert.Single(interaction.FollowUps).Content);
            Assert.Contains(lines, l => l == $"ORIGINAL {interaction.Original.Id} edited by discord.py");
            Assert.Contains(lines, l => l == $"DEFERRED {interaction.Id} 5 {interaction.Original.Id} True");
            Assert.True(emulator.SentBodyViolations.Count == 0, string.Join("\n", emulator.SentBodyViolations));
            Assert.True(emulator.SentBodiesValidated >= 12, $"only {emulator.SentBodiesValidated} sent bodies validated");
        }
        finally
        {
            python.Kill(entireProcessTree: true);
            await python.WaitForExitAsync();
        }
    }
}
