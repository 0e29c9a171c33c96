using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using MjBot.Hosting;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>The real host (the same composition `mjbot run` uses) in this process, with the deterministic test backend,
/// against a loopback Discord emulator, on a data folder that outlives it (so a restart finds its jobs).</summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    private readonly TaskCompletionSource<IServiceProvider> _services;

    private RunningBot(DiscordEmulator.DiscordEmulator emulator, TestBackend.TestBackend backend, Task<int> exit, StringWriter output, CancellationTokenSource stop, TaskCompletionSource<IServiceProvider> services)
    {
        _stop = stop;
        _services = services;
        Emulator = emulator;
        Backend = backend;
        Exit = exit;
        Output = output;
    }

    public DiscordEmulator.DiscordEmulator Emulator { get; }

    public TestBackend.TestBackend Backend { get; }

    /// <summary>Gets the host's services (known once it has started, which <see cref="StartAsync"/> waits for).</summary>
    public IServiceProvider Services => _services.Task.IsCompletedSuccessfully ? _services.Task.Result : throw new InvalidOperationException("The host has not started.");

    public Task<int> Exit { get; }

    public StringWriter Output { get; }

    public static Dictionary<string, string?> Settings(DiscordEmulator.DiscordEmulator emulator, string dataFolder) => new()
    {
        ["Discord:Token"] = emulator.Options.Token,
        ["Discord:ApiBaseAddress"] = emulator.RestBase.ToString(),
        ["Discord:DevGuildId"] = DiscordEmulator.DiscordEmulator.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Backends:Default"] = "test",
        ["Storage:DataFolder"] = dataFolder,
        ["Queue:ProgressEditSeconds"] = "0",
        ["Operations:HttpPort"] = "0",
    };

    /// <summary>Settings for the real ONNX backend on the tiny generated SD model (CPU), with <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> TinyOnnx(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Backends:Default"] = "onnx",
            ["Backends:Onnx:ModelFolder"] = RepositoryPaths.InRoot("tests", "models"),
            ["Backends:Onnx:DefaultModel"] = "tiny-sd",
            ["Backends:Onnx:ExecutionProvider"] = "cpu",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<RunningBot> StartAsync(DiscordEmulator.DiscordEmulator emulator, string dataFolder, TestBackend.TestBackend? backend = null, IDictionary<string, string?>? overrides = null, bool withTestBackend = true, Microsoft.Extensions.Logging.ILoggerProvider? logging = null)
    {
        backend ??= new TestBackend.TestBackend();
        var settings = Settings(emulator, dataFolder);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var output = new StringWriter();
        var context = new CliContext(TextWriter.Synchronized(output), TextWriter.Synchronized(output), dataFolder, settings);
        var identifiesBefore = emulator.Gateway.Identifies;
        var resumesBefore = emulator.Gateway.Resumes;
        var stop = new CancellationTokenSource();
        var provider = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exit = Task.Run(() => MjBotHost.RunAsync(context, services =>
        {
            // Resolved when the host starts its hosted services: the test can then read the host's state.
            services.AddSingleton<IHostedService>(sp =>
            {
                provider.TrySetResult(sp);
                return new ProviderProbe();
            });

            if (logging is not null)
            {
                services.AddSingleton(logging);
            }

            if (withTestBackend)
            {
                services.AddSingleton(new BackendRegistration(backend.Name));
                services.AddSingleton<IImageBackend>(backend);
            }
        }, stop.Token));
        var bot = new RunningBot(emulator, backend, exit, output, stop, provider);
        // A new session, or the last one resumed (a restart on the same data folder keeps it).
        await bot.UntilAsync(() => (emulator.Gateway.Identifies > identifiesBefore || emulator.Gateway.Resumes > resumesBefore) && emulator.Gateway.IsLive, "the bot to connect");
        await provider.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return bot;
    }

    /// <summary>Runs /imagine as a member.</summary>
    public Task<EmulatedInteraction> ImagineAsync(string prompt, EmulatedMember? member = null) =>
        Emulator.RunSlashCommandAsync("imagine", [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompt }], member);

    /// <summary>Runs /blend as a member with <paramref name="files"/> attached as image1, image2, …; returns the
    /// interaction and the attachments' CDN links, in order.</summary>
    public async Task<(EmulatedInteraction Interaction, IReadOnlyList<string> Links)> BlendAsync(string? dimensions, params (string Name, byte[] Content, string Type)[] files)
    {
        var options = new JsonArray();
        var resolved = new JsonObject();
        var links = new List<string>();
        var all = new JsonObject();
        foreach (var ((name, content, type), i) in files.Select(static (f, i) => (f, i)))
        {
            var (id, one) = Emulator.Upload(name, content, type);
            var attachment = one["attachments"]![id]!.DeepClone();
            links.Add(attachment["url"]!.GetValue<string>());
            all[id] = attachment;
            options.Add(new JsonObject { ["name"] = $"image{i + 1}", ["type"] = 11, ["value"] = id });
        }

        resolved["attachments"] = all;
        if (dimensions is not null)
        {
            options.Add(new JsonObject { ["name"] = "dimensions", ["type"] = 3, ["value"] = dimensions });
        }

        return (await Emulator.RunSlashCommandAsync("blend", options, resolved: resolved), links);
    }

    /// <summary>Waits for the result message whose content starts as given: posted with the bot token (not an
    /// interaction's status message), undeleted, with a file and buttons.</summary>
    public async Task<EmulatedMessage> ResultAsync(string contentStart, TimeSpan? timeout = null)
    {
        EmulatedMessage? found = null;
        await UntilAsync(
            () => (found = Emulator.Messages.FirstOrDefault(m => !m.Deleted && m.InteractionId is null && m.Attachments.Count > 0 && m.Content?.StartsWith(contentStart, StringComparison.Ordinal) == true && m.Components is { Count: > 0 })) is not null,
            $"a result starting \"{contentStart}\"",
            timeout);
        return found!;
    }

    /// <summary>Presses U1–U4 under a grid and waits for that image's own message.</summary>
    public async Task<EmulatedMessage> SelectAsync(EmulatedMessage grid, int image, EmulatedMember? member = null)
    {
        var pressed = await Emulator.PressButtonAsync(grid.Id, MessageButtons.CustomId(grid, 0, image - 1), member);
        await UntilAsync(() => pressed.Original?.Attachments.Count == 1, $"the U{image} image");
        return pressed.Original!;
    }

    public Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            condition,
            what,
            timeout,
            () => Exit.IsCompleted ? $"the host stopped (exit {(Exit.IsCompletedSuccessfully ? Exit.Result : -1)}): {Exit.Exception}" : null,
            () => Output.ToString());

    /// <summary>Stops the host (as Ctrl+C would) and waits for it.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Exit.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
