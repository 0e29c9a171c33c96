using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Logging;
using MjBot.Storage;

namespace MjBot.Hosting;

/// <summary>Runs the bot: configuration checked completely first (one paragraph, exit 78), the default backend
/// checked (exit 69 when this build lacks it), then the host until it is stopped (Ctrl+C, SIGTERM) or Discord refuses
/// the bot for good (exit 78).</summary>
internal static class MjBotHost
{
    public static async Task<int> RunAsync(CliContext context, Action<IServiceCollection>? addServices = null, CancellationToken cancellationToken = default)
    {
        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            await context.Error.WriteLineAsync(problem);
            return ConfigurationLoader.ConfigurationError;
        }

        var redactor = ConfigurationLoader.CreateRedactor(configuration);
        using (var services = ConfigurationLoader.BuildOptionsServices(configuration, context.ContentRoot, addServices))
        {
            var problems = ConfigurationProblems.Find(services);
            if (problems.Count > 0)
            {
                await context.Error.WriteAsync(redactor.Redact(ConfigurationProblemReport.Format(problems)));
                return ConfigurationLoader.ConfigurationError;
            }
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = context.ContentRoot });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        if (string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            // The container's format: one JSON object per line, scopes (the job id) included.
            builder.Logging.AddJsonConsole(static o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(static o => o.IncludeScopes = true);
        }

        builder.Logging.AddSecretRedaction(redactor);
        builder.Services.AddMjBotRuntime(configuration, context.ContentRoot);
        var grace = configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>()?.ShutdownGraceSeconds ?? new OperationsOptions().ShutdownGraceSeconds;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(grace + 15));
        addServices?.Invoke(builder.Services);
        using var host = builder.Build();

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MjBot");
        var backends = host.Services.GetRequiredService<BackendRegistry>();
        var options = host.Services.GetRequiredService<IOptions<BackendsOptions>>().Value;
        if (backends.Find(options.Default) is null)
        {
            logger.NoBackend(options.Default, backends.All.Count == 0
                ? "none"
                : "available: " + string.Join(", ", backends.All.Select(static b => b.Name)));
            return HostExitCode.Unavailable;
        }

        if (options.Default == "onnx" && OnnxBackendCheck.Check(host.Services.GetRequiredService<IOptions<OnnxBackendOptions>>().Value, openSession: false) is { Problems.Count: > 0 } onnx)
        {
            logger.OnnxNotReady(string.Join(" ", onnx.Problems));
            return ConfigurationLoader.ConfigurationError;
        }

        var dataFolder = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder;

        // Two processes on one folder would both requeue every running job at start and run it twice.
        string? inUse;
        DataFolderLock? folderLock;
        try
        {
            inUse = DataFolderLock.TryAcquire(dataFolder, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), out folderLock);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.DataFolderUnusable($"The data folder {dataFolder} cannot be written ({ex.Message}); set Storage:DataFolder to a folder this user may write, or fix its permissions.");
            return ConfigurationLoader.ConfigurationError;
        }

        if (inUse is not null)
        {
            logger.DataFolderUnusable(inUse);
            return HostExitCode.Unavailable;
        }

        using var held = folderLock;
        logger.ConfigurationValid(options.Default, dataFolder);
        var exit = host.Services.GetRequiredService<HostExitCode>();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller while starting: a normal stop.
        }

        return exit.Value;
    }
}
