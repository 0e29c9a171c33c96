using System.Globalization;
using MjBot.Hosting;

namespace MjBot.Cli;

/// <summary><c>mjbot health [url]</c>: asks a running MjBot's /healthz (by default on this machine, at the configured
/// <c>Operations:HttpPort</c>) and exits 0 when it answers 200, else 1. The container's HEALTHCHECK, with no curl in
/// the image.</summary>
internal static class HealthVerb
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        Uri url;
        if (args.Length == 1 && Uri.TryCreate(args[0], UriKind.Absolute, out var given))
        {
            url = given;
        }
        else if (args.Length == 0 && ConfigurationLoader.TryLoad(context, out var configuration, out _))
        {
            var port = int.TryParse(configuration["Operations:HttpPort"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 8080;
            url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/healthz");
        }
        else
        {
            await context.Error.WriteLineAsync("Usage: mjbot health [url]");
            return MjBotCommandLine.UsageError;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url);
            await context.Out.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await context.Error.WriteLineAsync($"mjbot health: {url} did not answer ({ex.Message}).");
            return 1;
        }
    }
}
