using Microsoft.Extensions.Time.Testing;
using MjBot.Cli;
using MjBot.ModelHub;

namespace MjBot.Tests.Cli;

public sealed class DownloadProgressBarTests
{
    private static readonly HubFile Weights = new("unet/model.onnx_data", 10_000_000_000, "b1", "aa");
    private static readonly HubFile Config = new("unet/config.json", 1000, "b2", null);
    private static readonly DownloadPlan Plan = new(new HubRepository("stabilityai/sdxl-turbo", "main"), "fbda3520ab", [Config, Weights], string.Empty, 20, 14_000_000_000);

    [Fact]
    public void Terminal_BytesArriving_RedrawsInPlaceAtMostFourTimesASecond()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var bar = new DownloadProgressBar(writer, interactive: true, time);
        bar.Planned(Plan);

        time.Advance(TimeSpan.FromSeconds(1));
        bar.Progressed(Weights, 100_000_000, 100_001_000);
        bar.Progressed(Weights, 200_000_000, 200_001_000);
        time.Advance(TimeSpan.FromSeconds(1));
        bar.Progressed(Weights, 2_500_000_000, 2_500_001_000);

        var text = writer.ToString();
        Assert.Equal(2, text.Count(static c => c == '\r'));
        Assert.Contains("[#######-----------------------]  25%  2.5 GB of 10 GB  1.25 GB/s  unet/model.onnx_data", text, StringComparison.Ordinal);
        Assert.Contains("Downloading stabilityai/sdxl-turbo (commit fbda352): 2 files, 10 GB; 20 files (14 GB) the pipeline does not use are left out.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_BytesArriving_OneLinePerTenthPerFileAndPerRetry()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var bar = new DownloadProgressBar(writer, interactive: false, time);
        bar.Planned(Plan);

        bar.Completed(Config, alreadyPresent: true);
        for (long b = 0; b <= Weights.Size; b += 250_000_000)
        {
            bar.Progressed(Weights, b, b + 1000);
        }

        bar.Retrying(Weights, "the connection dropped", TimeSpan.FromSeconds(4), 1);
        bar.Completed(Weights, alreadyPresent: false);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', writer.ToString());
        Assert.Equal(9, lines.Count(static l => l.StartsWith("  [", StringComparison.Ordinal)));
        Assert.Contains("  already here  unet/config.json (1 KB, git blob id matches)", lines);
        Assert.Contains("  retry 1 of unet/model.onnx_data in 4 s: the connection dropped", lines);
        Assert.Contains("  checked  unet/model.onnx_data (10 GB, SHA-256 matches)", lines);
    }
}
