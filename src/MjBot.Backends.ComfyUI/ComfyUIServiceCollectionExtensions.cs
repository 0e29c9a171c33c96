using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.ComfyUI;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Pool;
using MjBot.Backends.ComfyUI.Wire;
using MjBot.Backends.ComfyUI.Workflows;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ComfyUI backend.</summary>
public static class ComfyUIServiceCollectionExtensions
{
    /// <summary>Binds and validates <paramref name="section"/> (the <c>Backends:ComfyUI</c> section), resolving its
    /// workflow folder against <paramref name="contentRoot"/>, and, when it lists servers, adds the <c>comfyui</c>
    /// backend, its pool of servers and the pool's health checks. Without servers the options are still checked, and
    /// nothing else is added.</summary>
    public static IServiceCollection AddComfyUIBackend(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        services.AddOptions<ComfyUIOptions>().Bind(section).PostConfigure(o => o.ResolvePaths(contentRoot)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ComfyUIOptions>, ComfyUIOptionsValidator>();
        var configured = section.Get<ComfyUIOptions>() ?? new ComfyUIOptions();
        if (configured.Servers.Count == 0)
        {
            return services;
        }

        services.AddSingleton(new BackendRegistration(ComfyImageBackend.BackendName));
        services.AddSingleton(static sp => WorkflowSet.Load(sp.GetRequiredService<IOptions<ComfyUIOptions>>().Value.WorkflowFolder));
        services.AddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<ComfyUIOptions>>().Value;
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(60) };
            return new ServerPool(
                options.Servers.Select(s => new ComfyClient(http, s)),
                sp.GetRequiredService<WorkflowSet>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("MjBot.Backends.ComfyUI.ServerPool"));
        });
        services.AddSingleton(static sp => new ComfyMetrics(sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ServerPool>()));
        services.AddSingleton(static sp => new JobPlanner(sp.GetRequiredService<IOptions<ComfyUIOptions>>().Value, sp.GetRequiredService<WorkflowSet>()));
        services.AddSingleton(static sp => new PromptRunner(
            sp.GetRequiredService<ServerPool>(),
            sp.GetRequiredService<JobPlanner>(),
            sp.GetRequiredService<IOptions<ComfyUIOptions>>().Value,
            sp.GetRequiredService<ComfyMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("MjBot.Backends.ComfyUI.PromptRunner")));
        services.AddSingleton<IImageBackend>(static sp => new ComfyImageBackend(
            sp.GetRequiredService<IOptions<ComfyUIOptions>>().Value,
            sp.GetRequiredService<WorkflowSet>(),
            sp.GetRequiredService<ServerPool>(),
            sp.GetRequiredService<JobPlanner>(),
            sp.GetRequiredService<PromptRunner>()));
        services.AddHostedService(static sp => new PoolHealthService(sp.GetRequiredService<ServerPool>(), sp.GetRequiredService<IOptions<ComfyUIOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
