using System.Diagnostics;
using System.Text.RegularExpressions;
using MjBot.Core.Prompting;
using MjBot.Testing;

namespace MjBot.Tests.Architecture;

public sealed partial class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesNoVendorOrTransportAssembly()
    {
        var references = typeof(PromptParser).Assembly.GetReferencedAssemblies().Select(static a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name is "Sprache" || name.StartsWith("System", StringComparison.Ordinal), $"MjBot.Core references {name}"));
        Assert.DoesNotContain("System.Net.Http", references);
        Assert.DoesNotContain(references, static n => n.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The composition seam a module registers itself through (AddX): logging, dependency injection,
    /// options bound from configuration, hosted services. Nothing else from outside the BCL.</summary>
    private static readonly string[] CompositionSeam =
    [
        "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Hosting.Abstractions",
    ];

    [Theory]
    [InlineData(typeof(MjBot.Imaging.RgbaImage), false)]
    [InlineData(typeof(MjBot.Discord.Models.Interaction), true)]
    public void OwnedBoundaries_ReferenceOnlyTheBclAndTheCompositionSeam(Type typeInProject, bool composesItself)
    {
        var references = typeInProject.Assembly.GetReferencedAssemblies().Select(static a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || (composesItself && CompositionSeam.Contains(name, StringComparer.Ordinal)),
            $"{typeInProject.Assembly.GetName().Name} references {name}"));
    }

    [Fact]
    public void Sources_NeverReadTheClockDirectly()
    {
        var offenders = Directory.EnumerateFiles(RepositoryPaths.InRoot("src"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(static f => ClockStatic().IsMatch(File.ReadAllText(f)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Tests_ReadNoFileOutsideTheRepository()
    {
        var offenders = Directory.EnumerateFiles(RepositoryPaths.InRoot("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(static f => OutsideRepository().IsMatch(File.ReadAllText(f)))
            .ToList();

        Assert.Empty(offenders);
        Assert.True(File.Exists(RepositoryPaths.InTestData("README.md")), "tests/data names where each vendored file came from");
    }

    [Fact]
    public void Solution_HoldsEveryProject_SoTheTestCommandBuildsTheBenchmarksToo()
    {
        var solution = File.ReadAllText(RepositoryPaths.InRoot("MjBot.sln")).Replace('\\', '/');
        var projects = new[] { "src", "tests", "bench" }
            .SelectMany(static d => Directory.EnumerateFiles(RepositoryPaths.InRoot(d), "*.csproj", SearchOption.AllDirectories))
            .Select(static p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .ToList();

        Assert.Contains("bench/MjBot.Benchmarks/MjBot.Benchmarks.csproj", projects);
        Assert.All(projects, p => Assert.Contains($"\"{p}\"", solution, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tests/data/pngsuite/basn0g01.png")]
    [InlineData("tests/data/discord-openapi.json")]
    public void Git_KeepsTheVendoredTestData(string path)
    {
        var start = new ProcessStartInfo("git", ["check-ignore", "-q", path]) { WorkingDirectory = RepositoryPaths.Root };
        using var process = Process.Start(start)!;
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("src/MjBot/appsettings.json")]
    [InlineData(".env")]
    [InlineData("data/mjbot.db")]
    public void Git_IgnoresSecretsAndLocalState(string path)
    {
        var start = new ProcessStartInfo("git", ["check-ignore", "-q", path]) { WorkingDirectory = RepositoryPaths.Root };
        using var process = Process.Start(start)!;
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
    }

    // The shared folder beside the clone, or any path built from the root's parent.
    [GeneratedRegex(@"\.\./shared|""\.\."",\s*""shared""|Combine\(Root,\s*""\.\.""")]
    private static partial Regex OutsideRepository();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow)\b")]
    private static partial Regex ClockStatic();
}
