using System.Diagnostics;
using System.Text.Json;
using MjBot.Testing;

namespace MjBot.Tests.SelfHosting;

/// <summary>docker-compose.yml is checked against the Compose Specification's JSON schema by an independent
/// validator (Debian's python3-jsonschema; eng/install-test-prerequisites.sh installs it), then for what a
/// self-hoster relies on.</summary>
public sealed class ComposeFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Compose_ValidatesAgainstTheComposeSpecification()
    {
        var (exit, output) = await ValidateAsync(RepositoryPaths.InRoot("docker-compose.yml"));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Compose_RunsOneBotPerProfileWithItsDataOnANamedVolume()
    {
        var (_, output) = await ValidateAsync(RepositoryPaths.InRoot("docker-compose.yml"));
        var compose = JsonDocument.Parse(output).RootElement;
        var services = compose.GetProperty("services");

        foreach (var (name, profile) in new[] { ("bot", "cpu"), ("bot-gpu", "gpu") })
        {
            var service = services.GetProperty(name);
            Assert.Equal([profile], service.GetProperty("profiles").EnumerateArray().Select(static p => p.GetString()));
            Assert.Equal(".env", service.GetProperty("env_file").GetString());
            Assert.Equal("unless-stopped", service.GetProperty("restart").GetString());
            Assert.Equal("Dockerfile", service.GetProperty("build").GetProperty("dockerfile").GetString());
            Assert.Contains("mjbot-data:/data", service.GetProperty("volumes").EnumerateArray().Select(static v => v.GetString()));
            Assert.Equal("/data", service.GetProperty("environment").GetProperty("MjBot__Storage__DataFolder").GetString());
        }

        Assert.True(compose.GetProperty("volumes").TryGetProperty("mjbot-data", out _));
    }

    [Theory]
    [InlineData("bot", "cpu", "mjbot:latest")]
    [InlineData("bot-gpu", "gpu", "mjbot:gpu")]
    public async Task Compose_EachProfileBuildsItsOwnFlavour(string service, string flavour, string image)
    {
        var (_, output) = await ValidateAsync(RepositoryPaths.InRoot("docker-compose.yml"));
        var definition = JsonDocument.Parse(output).RootElement.GetProperty("services").GetProperty(service);

        Assert.Equal(flavour, definition.GetProperty("build").GetProperty("args").GetProperty("FLAVOUR").GetString());
        Assert.Equal(image, definition.GetProperty("image").GetString());
        Assert.Contains($" AS runtime-{flavour}", await File.ReadAllTextAsync(RepositoryPaths.InRoot("Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_GpuServiceReservesOneNvidiaGpu()
    {
        var (_, output) = await ValidateAsync(RepositoryPaths.InRoot("docker-compose.yml"));
        var device = JsonDocument.Parse(output).RootElement.GetProperty("services").GetProperty("bot-gpu")
            .GetProperty("deploy").GetProperty("resources").GetProperty("reservations").GetProperty("devices")[0];

        Assert.Equal("nvidia", device.GetProperty("driver").GetString());
        Assert.Equal(1, device.GetProperty("count").GetInt32());
        Assert.Equal(["gpu"], device.GetProperty("capabilities").EnumerateArray().Select(static c => c.GetString()));
    }

    [Theory]
    [InlineData("capabilities: [gpu]", "capability: [gpu]")]
    [InlineData("restart: unless-stopped", "restart: [unless-stopped]")]
    [InlineData("env_file: .env", "env_file: 42")]
    public async Task Validator_ComposeFileWithAMistake_IsRefused(string original, string broken)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.InRoot("docker-compose.yml"));
        Assert.Contains(original, text, StringComparison.Ordinal);
        var path = _folder.Combine("docker-compose.yml");
        await File.WriteAllTextAsync(path, text.Replace(original, broken, StringComparison.Ordinal));

        var (exit, _) = await ValidateAsync(path);

        Assert.Equal(1, exit);
    }

    [Fact]
    public void EnvExample_ListsTheSecretsComposeNeedsWithoutValues()
    {
        var lines = File.ReadAllLines(RepositoryPaths.InRoot(".env.example")).Where(static l => l.Length > 0 && l[0] != '#').ToList();

        Assert.Contains("MjBot__Discord__Token=", lines);
        Assert.Contains("MjBot__Backends__OpenAI__ApiKey=", lines);
        Assert.Contains("COMPOSE_PROFILES=cpu", lines);
        Assert.All(lines.Where(static l => l.Contains("Token", StringComparison.Ordinal) || l.Contains("Key", StringComparison.Ordinal)), l => Assert.EndsWith("=", l, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Exit, string Output)> ValidateAsync(string composePath)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { RepositoryPaths.InRoot("eng", "validate-compose.py"), composePath, RepositoryPaths.InTestData("compose", "compose-spec.json") },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(error.Length == 0 || process.ExitCode is 0 or 1, "The validator itself failed (run eng/install-test-prerequisites.sh): " + error);
        return (process.ExitCode, output + error);
    }
}
