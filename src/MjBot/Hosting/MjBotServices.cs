using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
using MjBot.Backends.OpenAI;
using MjBot.Bot;
using MjBot.Configuration;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Discord.Commands;
using MjBot.Discord.Gateway;
using MjBot.Discord.Interactions;
using MjBot.Discord.Rest;
using MjBot.Gateway;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.OnnxRuntime;
using MjBot.Operations;
using MjBot.RemoteLinks;
using MjBot.Storage;

namespace MjBot.Hosting;

/// <summary>The composition of the running bot: storage, the job pipeline (Core's queue, scheduler, spending cap and
/// moderation rules with the host's runner and delivery), the Discord client and the handlers. The image backends are
/// registered here too, from their options (and, in tests, by the test host); moving each registration into its own
/// project is open work (issue 19).</summary>
internal static class MjBotServices
{
    /// <summary>Gateway intents: none are privileged; reactions for ✉️.</summary>
    public const int Intents = (1 << 10) | (1 << 13);

    public static IServiceCollection AddMjBotRuntime(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddMjBotOptions(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HostExitCode>();

        // Storage: opened and migrated by the first hosted service, before anything else starts.
        services.AddSingleton(sp => new SqliteDatabase(Path.Combine(DataFolder(sp, contentRoot), "mjbot.db")));
        services.AddHostedService<StorageHostedService>();
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<ISettingsStore, SqliteSettingsStore>();
        services.AddSingleton<ISpendingLedger, SqliteSpendingLedger>();
        services.AddSingleton(static sp => new SpendingCap(
            sp.GetRequiredService<ISpendingLedger>(),
            new Dictionary<string, decimal>(StringComparer.Ordinal) { ["openai"] = sp.GetRequiredService<IOptions<BackendsOptions>>().Value.OpenAI.DailyGuildCapUsd },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PromptMagic>();
        services.AddSingleton<IImageStore>(sp => new FileImageStore(sp.GetRequiredService<SqliteDatabase>(), Path.Combine(DataFolder(sp, contentRoot), "images")));
        services.AddSingleton<ICommandHashStore>(sp => new FileCommandHashStore(Path.Combine(DataFolder(sp, contentRoot), "commands.json")));
        services.AddSingleton<IGatewaySessionStore>(sp => new FileGatewaySessionStore(Path.Combine(DataFolder(sp, contentRoot), "gateway-session.json")));

        // The job pipeline, with the backends this build has (each only when configured).
        AddOpenAI(services, configuration);
        AddOnnx(services, configuration, contentRoot);
        services.AddSingleton<BackendRegistry>();
        services.AddSingleton(sp =>
        {
            var queue = sp.GetRequiredService<IOptions<QueueOptions>>().Value;
            return new JobQueue(new QueueLimits(queue.MaxRunningPerUser, queue.MaxWaitingPerUser));
        });
        services.AddSingleton<EtaEstimator>();
        services.AddSingleton<JobDelivery>();
        services.AddSingleton<ReferenceFetcher>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobService>();
        services.AddHostedService<JobRunner>();

        // Discord.
        services.AddSingleton(sp =>
        {
            var discord = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return new DiscordRestClient(new HttpClient(DiscordHttp.Handler()), new RateLimitTracker(time, new RateLimitOptions()), time, new DiscordRestOptions { BaseAddress = discord.ApiBaseAddress, Token = discord.Token! });
        });
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ReadyListener>();
        services.AddSingleton<PromptOptions>();
        services.AddSingleton<ImagineCommand>();
        services.AddSingleton<JobButtonHandler>();
        services.AddSingleton<InfoCommand>();
        services.AddSingleton<ShowCommand>();
        services.AddSingleton<SettingsCommand>();
        services.AddSingleton<InteractionRouter>();
        AddModeration(services);
        services.AddSingleton(sp =>
        {
            var stopping = sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var reactions = new EnvelopeReactions(sp.GetRequiredService<DiscordRestClient>(), sp.GetRequiredService<IJobStore>(), sp.GetRequiredService<IImageStore>(), sp.GetRequiredService<ILogger<EnvelopeReactions>>(), stopping);
            var dispatcher = new InteractionDispatcher(sp.GetRequiredService<InteractionRouter>(), sp.GetRequiredService<ILogger<InteractionDispatcher>>(), stopping, reactions);
            var ready = sp.GetRequiredService<ReadyListener>();
            ready.Next = dispatcher;
            var discord = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new GatewayClient(
                sp.GetRequiredService<DiscordRestClient>(),
                ready,
                new GatewayClientOptions { Token = discord.Token!, Intents = Intents },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GatewayClient>>(),
                discord.ResumeAfterRestart ? sp.GetRequiredService<IGatewaySessionStore>() : null);
        });
        services.AddHostedService<DiscordHostedService>();

        // Operations: metrics, health, the endpoints.
        services.AddMetrics();
        services.AddSingleton<MjBotMetrics>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<HealthChecks>();
        services.AddSingleton<OperationsHttpService>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsHttpService>());
        services.AddHostedService(sp => new RetentionService(
            sp.GetRequiredService<SqliteDatabase>(),
            Path.Combine(DataFolder(sp, contentRoot), "images"),
            sp.GetRequiredService<IOptions<OperationsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RetentionService>>()));
        return services;
    }

    private static void AddModeration(IServiceCollection services)
    {
        services.AddSingleton<IModerationStore, SqliteModerationStore>();
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<ILinkFetcher>(sp =>
        {
            var moderation = sp.GetRequiredService<IOptions<ModerationOptions>>().Value;
            return new SafeLinkFetcher(
                new LinkFetchSettings { AllowHttp = moderation.AllowHttpImageLinks, MaxBytes = moderation.MaxImageDownloadBytes, TrustedHosts = moderation.TrustedLinkHosts },
                sp.GetRequiredService<IHostResolver>());
        });
        services.AddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModerationOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<GuildRules>>();
            return new GuildRules(
                sp.GetRequiredService<IModerationStore>(),
                sp.GetRequiredService<ISettingsStore>(),
                new ModerationDefaults(options.UseDefaultList, TimeSpan.FromMilliseconds(options.RegexTimeoutMilliseconds)),
                (guild, rule) => logger.UnusableRule(guild, rule.Mode.ToString()));
        });
        services.AddSingleton<ModerationAudit>();
        services.AddSingleton<ReviewDesk>();
        services.AddSingleton<ModerationGate>();
        services.AddSingleton<DisallowCommand>();
        services.AddSingleton<MetapromptCommand>();
        services.AddSingleton<BanCommand>();
        services.AddSingleton<ModLogCommand>();
        services.AddSingleton<ModConfigCommand>();
        services.AddSingleton<ModerationCommands>();
    }

    private static void AddOpenAI(IServiceCollection services, IConfiguration configuration)
    {
        var openai = configuration.GetSection($"{BackendsOptions.SectionName}:OpenAI").Get<OpenAIOptions>() ?? new OpenAIOptions();
        if (string.IsNullOrWhiteSpace(openai.ApiKey))
        {
            return;
        }

        services.AddSingleton(new BackendRegistration("openai"));
        services.AddSingleton<IPromptExpander>(_ => new OpenAIPromptExpander(Settings(openai), openai.ChatModel));
        services.AddSingleton<IImageBackend>(_ => new OpenAIImageBackend(Settings(openai)));
    }

    private static void AddOnnx(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var onnx = configuration.GetSection($"{BackendsOptions.SectionName}:Onnx").Get<OnnxOptions>() ?? new OnnxOptions();
        services.AddSingleton(new BackendRegistration("onnx"));
        services.AddSingleton(sp => new OnnxImageBackend(Settings(onnx, contentRoot), sp.GetRequiredService<ILogger<OnnxImageBackend>>()));
        services.AddSingleton<IImageBackend>(sp => sp.GetRequiredService<OnnxImageBackend>());
    }

    /// <summary>The ONNX backend's settings from the options (shared with `doctor` and `tokenize`).</summary>
    public static OnnxBackendSettings Settings(OnnxOptions onnx, string contentRoot) => new()
    {
        LibraryPath = OnnxLibrary.Resolve(onnx.LibraryPath, contentRoot),
        ModelFolder = Path.GetFullPath(onnx.ModelFolder, contentRoot),
        DefaultModel = onnx.DefaultModel,
        Models = onnx.Models,
        InpaintModel = string.IsNullOrWhiteSpace(onnx.InpaintModel) ? null : onnx.InpaintModel,
        Provider = onnx.ExecutionProvider switch { "cpu" => ExecutionProviderPreference.Cpu, "cuda" => ExecutionProviderPreference.Cuda, _ => ExecutionProviderPreference.Auto },
        DeviceId = onnx.DeviceId,
        GpuMemoryLimitBytes = onnx.GpuMemoryLimitMiB * 1024L * 1024L,
        IntraOpThreads = onnx.IntraOpThreads,
        BatchSize = onnx.BatchSize,
        VariationStrength = onnx.VariationStrength,
    };

    /// <summary>The OpenAI backend's settings from the options (shared with `doctor`'s key check).</summary>
    public static OpenAIBackendSettings Settings(OpenAIOptions openai) => new(
        openai.ApiKey!,
        OpenAIOptions.EndpointUri(openai.Endpoint),
        string.IsNullOrWhiteSpace(openai.AzureDeployment) ? openai.ImageModel : openai.AzureDeployment,
        openai.MaxConcurrency,
        TimeSpan.FromSeconds(openai.TimeoutSeconds))
    {
        Prices = openai.Prices,
    };

    private static string DataFolder(IServiceProvider services, string contentRoot) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, contentRoot);
}
