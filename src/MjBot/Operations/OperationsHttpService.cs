using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Logging;

namespace MjBot.Operations;

/// <summary>Serves /healthz, /readyz and /metrics with Kestrel on <c>Operations:HttpAddress</c>:<c>HttpPort</c>
/// (127.0.0.1:8080 by default; 0.0.0.0 in the container). Anything else is 404.</summary>
internal sealed class OperationsHttpService(HealthChecks health, PrometheusExporter exporter, GatewayMetrics gatewayMetrics, IOptions<OperationsOptions> options, ILogger<OperationsHttpService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Gets the gateway's instruments, created with this service (nothing else needs them).</summary>
    public GatewayMetrics GatewayMetrics => gatewayMetrics;

    /// <summary>Gets the address the endpoints listen on, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HttpEnabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(settings.HttpAddress), settings.HttpPort));
        var app = builder.Build();
        app.MapGet("/healthz", async (HttpContext http) => await AnswerAsync(http, await health.LiveAsync(http.RequestAborted)));
        app.MapGet("/readyz", async (HttpContext http) => await AnswerAsync(http, await health.ReadyAsync(http.RequestAborted)));
        app.MapGet("/metrics", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await http.Response.WriteAsync(exporter.Render(), http.RequestAborted);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // The bot matters more than its endpoints: it runs on, and the log says what to change.
            logger.OperationsListenFailed($"{settings.HttpAddress}:{settings.HttpPort}", ex.Message);
            await app.DisposeAsync();
            return;
        }

        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        logger.OperationsListening(Address.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task AnswerAsync(HttpContext http, (bool Ok, JsonObject Body) report)
    {
        http.Response.StatusCode = report.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(report.Body.ToJsonString(), http.RequestAborted);
    }
}
