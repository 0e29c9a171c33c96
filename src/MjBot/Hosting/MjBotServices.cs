using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.ComfyUI;
using MjBot.Backends.Onnx;
using MjBot.Backends.Onnx.Clip;
using MjBot.Backends.Onnx.Safety;
using MjBot.Backends.Onnx.Translation;
using MjBot.Backends.Onnx.Upscaling;
using MjBot.Backends.OpenAI;
using MjBot.Handlers;
using MjBot.Configuration;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Discord;
using MjBot.Gateway;
using MjBot.ImageCodecs;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.Operations;
using MjBot.RemoteLinks;
using MjBot.Rendering;
using MjBot.Storage;

namespace MjBot.Hosting;

/// <summary>The composition of the running bot. <see cref="AddMjBotModules"/> is the list of modules, each registering
/// itself with its options (storage, link fetching, the image backends, the Discord client); the rest is the host's
/// own: the job pipeline around Core's queue, scheduler, spending cap and moderation rules, the interaction handlers,
/// and operations.</summary>
internal static class MjBotServices
{
    /// <summary>Gateway intents: none are privileged; reactions for ✉️.</summary>
    public const int Intents = (1 << 10) | (1 << 13);

    /// <summary>The host's options and every module, with its options bound and validated; also what configuration is
    /// checked against before anything starts.</summary>
    public static IServiceCollection AddMjBotModules(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddMjBotOptions(configuration);
        services.AddSqliteStorage(configuration.GetSection(StorageOptions.SectionName), contentRoot)
            .AddReportedSection<StorageOptions>(StorageOptions.SectionName);
        services.AddSafeLinkFetcher(configuration.GetSection(ModerationOptions.SectionName))
            .AddReportedSection<LinkFetchOptions>(ModerationOptions.SectionName);
        services.AddImageCodecs(configuration.GetSection(ModerationOptions.SectionName))
            .AddReportedSection<ImageDecodingOptions>(ModerationOptions.SectionName);
        services.AddOpenAIImageBackend(configuration.GetSection(OpenAIBackendOptions.SectionName))
            .AddReportedSection<OpenAIBackendOptions>(OpenAIBackendOptions.SectionName);
        services.AddOnnxImageBackend(configuration.GetSection(OnnxBackendOptions.SectionName), contentRoot)
            .AddReportedSection<OnnxBackendOptions>(OnnxBackendOptions.SectionName);
        services.AddComfyUIBackend(configuration.GetSection(ComfyUIOptions.SectionName), contentRoot)
            .AddReportedSection<ComfyUIOptions>(ComfyUIOptions.SectionName);
        services.AddOnnxPromptTranslation(configuration.GetSection(TranslationOptions.SectionName), contentRoot)
            .AddReportedSection<TranslationOptions>(TranslationOptions.SectionName);
        services.AddOnnxUpscaler(configuration.GetSection(UpscalerOptions.SectionName), contentRoot)
            .AddReportedSection<UpscalerOptions>(UpscalerOptions.SectionName);
        services.AddOnnxSafetyChecker(configuration.GetSection(SafetyCheckerOptions.SectionName), contentRoot)
            .AddReportedSection<SafetyCheckerOptions>(SafetyCheckerOptions.SectionName);
        services.AddOnnxClip(configuration.GetSection(ClipOptions.SectionName), contentRoot)
            .AddReportedSection<ClipOptions>(ClipOptions.SectionName);
        services.AddDiscordGateway(
                configuration.GetSection(DiscordOptions.SectionName),
                Intents,
                static sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder,
                static sp => sp.GetRequiredService<GatewayHandlerChain>().Build())
            .AddReportedSection<DiscordOptions>(DiscordOptions.SectionName);
        return services;
    }

    public static IServiceCollection AddMjBotRuntime(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HostExitCode>();
        services.AddMjBotModules(configuration, contentRoot);

        // The job pipeline: Core's queue and policies, the host's runner and delivery.
        services.AddSingleton(static sp => new SpendingCap(
            sp.GetRequiredService<ISpendingLedger>(),
            sp.GetServices<BackendRegistration>().Where(static r => r.DailyGuildCapUsd > 0).ToDictionary(static r => r.Name, static r => r.DailyGuildCapUsd, StringComparer.Ordinal),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PromptMagic>();
        services.AddSingleton<PromptTranslation>();
        services.AddSingleton<BackendRegistry>();
        services.AddSingleton(static sp =>
        {
            var queue = sp.GetRequiredService<IOptions<QueueOptions>>().Value;
            return new JobQueue(new QueueLimits(queue.MaxRunningPerUser, queue.MaxWaitingPerUser));
        });
        services.AddSingleton<EtaEstimator>();
        services.AddSingleton<JobDelivery>();
        services.AddSingleton<IJobNotifier, DiscordJobNotifier>();
        services.AddSingleton<ReferenceFetcher>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<Upscales>();
        services.AddSingleton<SafetyGate>();
        services.AddSingleton<ClipScoring>();
        services.AddSingleton<JobService>();
        services.AddHostedService<JobRunner>();

        // Discord: identity, the handlers, and what the gateway hands its events to.
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ReadyListener>();
        services.AddSingleton<PromptOptions>();
        services.AddSingleton<ImagineCommand>();
        services.AddSingleton<BlendCommand>();
        services.AddSingleton<DescribeCommand>();
        services.AddSingleton<ShortenCommand>();
        services.AddSingleton<JobButtonHandler>();
        services.AddSingleton<InfoCommand>();
        services.AddSingleton<ShowCommand>();
        services.AddSingleton<SettingsCommand>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<ServerLanguages>();
        AddModeration(services);
        services.AddSingleton<GatewayHandlerChain>();
        services.AddHostedService<DiscordHostedService>();

        // Operations: metrics, health, the endpoints.
        services.AddMetrics();
        services.AddSingleton<MjBotMetrics>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<HealthChecks>();
        services.AddSingleton<OperationsHttpService>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsHttpService>());
        services.AddHostedService(static sp => new RetentionService(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ImagesFolder,
            sp.GetRequiredService<IOptions<OperationsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RetentionService>>()));
        return services;
    }

    private static void AddModeration(IServiceCollection services)
    {
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
        services.AddSingleton<AdmissionGate>();
        services.AddSingleton(static sp => new ReviewBook(
            sp.GetRequiredService<IModerationStore>(),
            sp.GetRequiredService<ISettingsStore>(),
            sp.GetRequiredService<ModerationAudit>(),
            sp.GetRequiredService<JobQueue>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ModerationOptions>>().Value.MaxAppealsPerDay));
        services.AddSingleton<ReviewDesk>();
        services.AddSingleton<ModerationGate>();
        services.AddSingleton<DisallowCommand>();
        services.AddSingleton<MetapromptCommand>();
        services.AddSingleton<BanCommand>();
        services.AddSingleton<ModLogCommand>();
        services.AddSingleton<ModConfigCommand>();
        services.AddSingleton<ModerationCommands>();
    }
}
