namespace MjBot.ModelHub;

/// <summary>What a download reports as it goes (the command line draws a progress bar from it). Calls come from the
/// downloading task, one at a time.</summary>
public interface IDownloadObserver
{
    /// <summary>The plan is known: which files, how many bytes in all, how many are already here.</summary>
    void Planned(DownloadPlan plan);

    /// <summary>Bytes arrived: <paramref name="fileBytes"/> of <paramref name="file"/> so far, <paramref name="totalBytes"/>
    /// of the whole plan.</summary>
    void Progressed(HubFile file, long fileBytes, long totalBytes);

    /// <summary><paramref name="file"/> is complete and matched the hub's size and hash (or was already here).</summary>
    void Completed(HubFile file, bool alreadyPresent);

    /// <summary>A transfer failed in a way worth retrying; it resumes after <paramref name="wait"/>.</summary>
    void Retrying(HubFile file, string reason, TimeSpan wait, int attempt);
}
