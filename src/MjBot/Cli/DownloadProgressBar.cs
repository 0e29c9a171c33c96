using System.Globalization;
using MjBot.ModelHub;

namespace MjBot.Cli;

/// <summary>Draws a download's progress on the error stream: on a terminal, one bar redrawn in place at most four times
/// a second (<c>[#######-------------]  35%  2.41/6.94 GB  38.2 MB/s  unet/model.onnx_data</c>); elsewhere (logs, CI),
/// a line per tenth of the total, a line per file and a line per retry.</summary>
internal sealed class DownloadProgressBar(TextWriter writer, bool interactive, TimeProvider time) : IDownloadObserver
{
    private const int Width = 30;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(250);

    private DownloadPlan? _plan;
    private long _startTimestamp;
    private long _startBytes;
    private long _lastDrawTimestamp;
    private int _lastTenth;
    private bool _barShown;

    public void Planned(DownloadPlan plan)
    {
        _plan = plan;
        _startTimestamp = time.GetTimestamp();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Downloading {plan.Repository} (commit {Short(plan.Commit)}{(plan.ExportFolder.Length > 0 ? ", folder " + plan.ExportFolder.TrimEnd('/') : string.Empty)}): {plan.Files.Count} files, {ByteCounts.Format(plan.TotalBytes)}{(plan.Skipped == 0 ? string.Empty : $"; {plan.Skipped} files ({ByteCounts.Format(plan.SkippedBytes)}) the pipeline does not use are left out")}."));
    }

    public void Progressed(HubFile file, long fileBytes, long totalBytes)
    {
        if (_plan is null)
        {
            return;
        }

        if (_startBytes == 0)
        {
            _startBytes = totalBytes - fileBytes;
        }

        if (interactive)
        {
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(_lastDrawTimestamp, now) >= RedrawEvery || fileBytes == file.Size)
            {
                _lastDrawTimestamp = now;
                writer.Write("\r" + Bar(totalBytes, _plan.LocalPath(file)));
                _barShown = true;
            }

            return;
        }

        var tenth = (int)(totalBytes * 10 / Math.Max(1, _plan.TotalBytes));
        if (tenth > _lastTenth && tenth < 10)
        {
            _lastTenth = tenth;
            writer.WriteLine("  " + Bar(totalBytes, _plan.LocalPath(file)));
        }
    }

    public void Completed(HubFile file, bool alreadyPresent)
    {
        if (_plan is null)
        {
            return;
        }

        ClearBar();
        writer.WriteLine($"  {(alreadyPresent ? "already here" : "checked")}  {_plan.LocalPath(file)} ({ByteCounts.Format(file.Size)}, {(file.IsLarge ? "SHA-256" : "git blob id")} matches)");
    }

    public void Retrying(HubFile file, string reason, TimeSpan wait, int attempt)
    {
        ClearBar();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  retry {attempt} of {file.Path}{(wait > TimeSpan.Zero ? $" in {wait.TotalSeconds:0.#} s" : string.Empty)}: {reason}"));
    }

    private void ClearBar()
    {
        if (_barShown)
        {
            writer.Write("\r" + new string(' ', 100) + "\r");
            _barShown = false;
        }
    }

    private string Bar(long totalBytes, string file)
    {
        var total = Math.Max(1, _plan!.TotalBytes);
        var filled = (int)(totalBytes * Width / total);
        var seconds = time.GetElapsedTime(_startTimestamp).TotalSeconds;
        var rate = seconds > 0.5 ? $"  {ByteCounts.Format((long)((totalBytes - _startBytes) / seconds))}/s" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {totalBytes * 100 / total,3}%  {ByteCounts.Format(totalBytes)} of {ByteCounts.Format(total)}{rate}  {file}");
    }

    internal static string Short(string commit) => commit.Length > 7 ? commit[..7] : commit;
}
