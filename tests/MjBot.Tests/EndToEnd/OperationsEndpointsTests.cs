using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>/healthz, /readyz and /metrics of the real host over a real socket; the metrics text is parsed by the
/// Prometheus project's own parser (eng/parse-metrics.py, Debian's python3-prometheus-client).</summary>
public sealed class OperationsEndpointsTests : EmulatorTest
{
    [Fact]
    public async Task Endpoints_AfterAJob_HealthyReadyAndMetricsParseWithTheJobCounted()
    {
        var port = FreePort();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?> { ["Operations:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        await bot.ImagineAsync("a red fox");
        await bot.ResultAsync("**a red fox**");
        var live = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        // The job is counted as it ends, just after its result is posted: scrape until it is there (as Prometheus would).
        var metrics = string.Empty;
        await Eventually.UntilAsync(
            async () => (metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative))).Contains("outcome=\"succeeded\"", StringComparison.Ordinal),
            "the ended job in /metrics");

        var missing = await http.GetAsync(new Uri("nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("alive", JsonNode.Parse(await live.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        var readiness = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", readiness["checks"]!["gateway"]!.GetValue<string>());
        Assert.Equal("migrations applied", readiness["checks"]!["storage"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var healthVerb = await MjBot.Cli.MjBotCommandLine.RunAsync(["health"], new MjBot.Hosting.CliContext(TextWriter.Null, TextWriter.Null, Data.Path, new Dictionary<string, string?> { ["Operations:HttpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(0, healthVerb);

        var families = await ParseAsync(metrics);
        Assert.Equal("counter", families["mjbot_jobs"]!["type"]!.GetValue<string>());
        var succeeded = families["mjbot_jobs"]!["samples"]!.AsArray().Single(s => s![1]!["outcome"]!.GetValue<string>() == "succeeded")!;
        Assert.Equal("mjbot_jobs_total", succeeded[0]!.GetValue<string>());
        Assert.Equal("test", succeeded[1]!["backend"]!.GetValue<string>());
        Assert.Equal(1.0, succeeded[2]!.GetValue<double>());
        Assert.Equal(4.0, Sample(families, "mjbot_images_generated", "mjbot_images_generated_total"));
        Assert.Equal("histogram", families["mjbot_job_duration_seconds"]!["type"]!.GetValue<string>());
        Assert.Equal(1.0, Sample(families, "mjbot_job_duration_seconds", "mjbot_job_duration_seconds_count"));
        Assert.True(Sample(families, "mjbot_discord_interaction_ack_seconds", "mjbot_discord_interaction_ack_seconds_count") >= 1);
        Assert.True(Sample(families, "mjbot_gateway_identifies", "mjbot_gateway_identifies_total") >= 1);
        Assert.Equal(0.0, Sample(families, "mjbot_queue_waiting", "mjbot_queue_waiting"));
        Assert.Contains(families["mjbot_discord_rest_requests"]!["samples"]!.AsArray(), s => s![1]!["route"]!.GetValue<string>().StartsWith("POST /interactions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoints_PortTaken_BotRunsOnAndTheLogSaysWhatToChange()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var logs = new CapturingLoggerProvider();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?> { ["Operations:HttpPort"] = port }, logging: logs);

        await bot.ImagineAsync("a red fox");
        await bot.ResultAsync("**a red fox**");

        Assert.Contains(logs.Entries, e => e.Message.Contains($"could not listen on 127.0.0.1:{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthVerb_NothingListening_Exit1()
    {
        var error = new StringWriter();

        var exit = await MjBot.Cli.MjBotCommandLine.RunAsync(["health", $"http://127.0.0.1:{FreePort()}/healthz"], new MjBot.Hosting.CliContext(TextWriter.Null, error, Data.Path, new Dictionary<string, string?>()));

        Assert.Equal(1, exit);
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Malformed_ParserRefuses()
    {
        var (exit, output) = await RunParserAsync("mjbot_jobs_total{backend=\"test} 1\n");

        Assert.Equal(1, exit);
        Assert.Contains("Invalid", output, StringComparison.Ordinal);
    }

    private static double Sample(JsonObject families, string family, string sample) =>
        families[family]!["samples"]!.AsArray().Where(s => s![0]!.GetValue<string>() == sample).Sum(s => s![2]!.GetValue<double>());

    private static async Task<JsonObject> ParseAsync(string metrics)
    {
        var (exit, output) = await RunParserAsync(metrics);
        Assert.True(exit == 0, "The Prometheus parser refused /metrics: " + output + "\n" + metrics);
        return JsonNode.Parse(output)!.AsObject();
    }

    private static async Task<(int Exit, string Output)> RunParserAsync(string text)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { RepositoryPaths.InRoot("eng", "parse-metrics.py") },
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(error.Length == 0, "The parser itself failed (run eng/install-test-prerequisites.sh): " + error);
        return (process.ExitCode, output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
