using System.Collections.Concurrent;

namespace MjBot.ModelHub.Tests;

/// <summary>Records what a download reports.</summary>
internal sealed class RecordingObserver : IDownloadObserver
{
    public DownloadPlan? Plan { get; private set; }

    public ConcurrentQueue<(string Path, bool AlreadyPresent)> Completed { get; } = new();

    public ConcurrentQueue<string> Retries { get; } = new();

    public long LastTotal { get; private set; }

    public void Planned(DownloadPlan plan) => Plan = plan;

    public void Progressed(HubFile file, long fileBytes, long totalBytes) => LastTotal = totalBytes;

    void IDownloadObserver.Completed(HubFile file, bool alreadyPresent) => Completed.Enqueue((file.Path, alreadyPresent));

    public void Retrying(HubFile file, string reason, TimeSpan wait, int attempt) => Retries.Enqueue($"{file.Path}: {reason}");
}
