using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Discord.Gateway;
using MjBot.Gateway;
using MjBot.Storage;

namespace MjBot.Operations;

/// <summary>What /healthz and /readyz report. Liveness: the process answers and its store answers a query within
/// 2 s. Readiness: the gateway is connected and has been READY, the migrations are applied, and the default backend is
/// registered. Each answer is JSON that names what is wrong.</summary>
internal sealed class HealthChecks(SqliteDatabase database, GatewayClient gateway, ReadyListener ready, BackendRegistry backends, IOptions<BackendsOptions> options)
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);

    public async Task<(bool Ok, JsonObject Body)> LiveAsync(CancellationToken cancellationToken)
    {
        var (problem, _) = await StoreAsync(cancellationToken);
        return Report(problem is null, "alive", "failing", new JsonObject { ["store"] = problem ?? "ok" });
    }

    public async Task<(bool Ok, JsonObject Body)> ReadyAsync(CancellationToken cancellationToken)
    {
        var (storeProblem, schema) = await StoreAsync(cancellationToken);
        var storage = storeProblem ?? (schema is { } s && s.Current != s.Latest ? $"schema at version {s.Current}, this build writes {s.Latest}" : null);
        var gatewayProblem = !gateway.IsConnected ? "not connected to Discord's gateway"
            : !ready.HasBeenReady ? "connected, waiting for READY"
            : null;
        var backendProblem = backends.Find(options.Value.Default) is null ? $"the default backend \"{options.Value.Default}\" is not registered" : null;
        var checks = new JsonObject
        {
            ["gateway"] = gatewayProblem ?? "ready",
            ["storage"] = storage ?? "migrations applied",
            ["backends"] = backendProblem ?? $"default \"{options.Value.Default}\" usable ({backends.All.Count} registered)",
        };
        return Report(gatewayProblem is null && storage is null && backendProblem is null, "ready", "not_ready", checks);
    }

    private static (bool, JsonObject) Report(bool ok, string good, string bad, JsonObject checks) =>
        (ok, new JsonObject { ["status"] = ok ? good : bad, ["checks"] = checks });

    // One query: the schema version, or a sentence saying why the store did not answer.
    private async Task<(string? Problem, (int Current, int Latest)? Schema)> StoreAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            var schema = await database.SchemaAsync(timeout.Token);
            return (schema is null ? "the database is not open yet" : null, schema);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"the database did not answer within {StoreTimeout.TotalSeconds:0} s", null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return ($"the database failed: {ex.Message}", null);
        }
    }
}
