using System.Reflection;
using System.Text.RegularExpressions;
using MjBot.Core.Jobs;
using MjBot.Testing;

namespace MjBot.Tests.Architecture;

/// <summary>The host is composition, Discord handlers and rendering: policy lives in Core, and the host's folders
/// depend on each other in one direction only.</summary>
public sealed partial class HostBoundaryTests
{
    private static readonly string[] CorePolicy =
    [
        "JobQueue", "FairScheduler", "EtaEstimator", "BackendRegistry", "BackendRegistration", "NewJob", "InteractionTokens",
        "SpendingCap", "PromptMagic", "GuildRules", "ModerationAudit", "DisallowListFile", "QuotaCheck", "ModerationRuleSet",
        "AdmissionGate", "ReviewBook", "ThrottledProgress", "KeptInteractionToken",
    ];

    [Fact]
    public void Host_HoldsNoQueueSchedulingSpendingOrModerationPolicy()
    {
        var host = Assembly.Load("mjbot").GetTypes().Select(static t => t.Name).ToHashSet(StringComparer.Ordinal);
        var core = typeof(JobQueue).Assembly.GetTypes().Select(static t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(CorePolicy, name =>
        {
            Assert.DoesNotContain(name, host);
            Assert.Contains(name, core);
        });
    }

    [Theory]
    [InlineData("MjBot.Storage", "AddSqliteStorage")]
    [InlineData("MjBot.Discord", "AddDiscordGateway")]
    [InlineData("MjBot.Backends.Onnx", "AddOnnxImageBackend")]
    [InlineData("MjBot.Backends.OpenAI", "AddOpenAIImageBackend")]
    [InlineData("MjBot.Backends.ComfyUI", "AddComfyUIBackend")]
    [InlineData("MjBot.RemoteLinks", "AddSafeLinkFetcher")]
    [InlineData("MjBot.ModelHub", "AddModelHub")]
    public void Module_RegistersItselfWithItsOwnAddExtension(string module, string method)
    {
        var extensions = AddExtensionsOf(Assembly.Load(module));

        Assert.Contains(method, extensions);
        Assert.DoesNotContain(method, AddExtensionsOf(Assembly.Load("mjbot")));
    }

    [Fact]
    public void Host_RegistersNoBoundaryOfItsOwn()
    {
        string[] boundaries = ["Sqlite", "Storage", "Discord", "Gateway", "Onnx", "OpenAI", "ComfyUI", "Link", "Hub"];

        Assert.All(AddExtensionsOf(Assembly.Load("mjbot")), name => Assert.DoesNotContain(boundaries, b => name.Contains(b, StringComparison.Ordinal)));
    }

    [Fact]
    public void HostComposition_ConstructsNoModuleType()
    {
        string[] moduleTypes = ["SqliteDatabase", "SqliteJobStore", "OnnxImageBackend", "OpenAIImageBackend", "ComfyImageBackend", "ServerPool", "SafeLinkFetcher", "GatewayClient", "DiscordRestClient", "RateLimitTracker", "HubClient", "ModelDownloader"];
        var offenders = Directory.EnumerateFiles(RepositoryPaths.InRoot("src", "MjBot", "Hosting"), "*.cs")
            .SelectMany(f => moduleTypes.Where(t => Regex.IsMatch(Comment().Replace(File.ReadAllText(f), string.Empty), $@"new {t}\b")).Select(t => $"{Path.GetFileName(f)}: new {t}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("JobRunner.cs")]
    [InlineData("JobExecutor.cs")]
    [InlineData("JobService.cs")]
    public void JobPipeline_TellsMembersOnlyThroughThePort(string file)
    {
        var text = File.ReadAllText(RepositoryPaths.InRoot("src", "MjBot", "Jobs", file));

        Assert.DoesNotMatch(@"using MjBot\.(Discord|Rendering)\b", text);
        Assert.DoesNotMatch(@"\b(JobDelivery|JobMessages|DiscordRestClient)\b", text);
    }

    private static HashSet<string> AddExtensionsOf(Assembly assembly) =>
        assembly.GetTypes()
            .Where(static t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(static m => m.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)) && m.GetParameters()[0].ParameterType.FullName == "Microsoft.Extensions.DependencyInjection.IServiceCollection")
            .Select(static m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void HostNamespaces_FormNoCycle()
    {
        var sources = Directory.EnumerateFiles(RepositoryPaths.InRoot("src", "MjBot"), "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(static f => (Text: Comment().Replace(File.ReadAllText(f), string.Empty), Namespace: NamespaceOf().Match(File.ReadAllText(f)).Groups[1].Value))
            .Where(static s => s.Namespace.Length > 0)
            .ToList();
        var declaredIn = sources
            .SelectMany(static s => TypeDeclaration().Matches(s.Text).Select(m => (Type: m.Groups[1].Value, s.Namespace)))
            .GroupBy(static d => d.Type)
            .ToDictionary(static g => g.Key, static g => g.First().Namespace, StringComparer.Ordinal);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (text, ns) in sources)
        {
            foreach (var (type, other) in declaredIn.Where(d => d.Value != ns))
            {
                if (Regex.IsMatch(text, $@"\b{type}\b"))
                {
                    (edges.TryGetValue(ns, out var to) ? to : edges[ns] = new HashSet<string>(StringComparer.Ordinal)).Add(other);
                }
            }
        }

        Assert.Null(FindCycle(edges));
    }

    private static string? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        string? Visit(string node)
        {
            if (path.Contains(node))
            {
                return string.Join(" → ", path.SkipWhile(n => n != node).Append(node));
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return edges.Keys.Select(Visit).FirstOrDefault(static c => c is not null);
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceOf();

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|partial)\s+)*(?:class|record|interface|enum|struct)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
