using System.Diagnostics.Metrics;
using MjBot.Discord.Gateway;

namespace MjBot.Operations;

/// <summary>The gateway's counters as observable instruments (meter <c>MjBot</c>): connections, identifies, resumes.
/// Apart from <see cref="MjBotMetrics"/> because the job pipeline, which records those, sits under the gateway.</summary>
internal sealed class GatewayMetrics : IDisposable
{
    private readonly Meter _meter;

    public GatewayMetrics(GatewayClient gateway, IMeterFactory meters)
    {
        _meter = meters.Create(MjBotMetrics.MeterName);
        _meter.CreateObservableCounter("mjbot.gateway.connections", () => gateway.Counters.Connections, description: "Gateway connections opened.");
        _meter.CreateObservableCounter("mjbot.gateway.identifies", () => gateway.Counters.Identifies, description: "Gateway sessions started (IDENTIFY).");
        _meter.CreateObservableCounter("mjbot.gateway.resumes", () => gateway.Counters.Resumes, description: "Gateway sessions resumed (RESUME sent).");
    }

    public void Dispose() => _meter.Dispose();
}
