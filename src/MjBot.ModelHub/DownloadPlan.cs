namespace MjBot.ModelHub;

/// <summary>What <c>mjbot models add</c> is about to fetch.</summary>
/// <param name="Repository">The repo and revision asked for.</param>
/// <param name="Commit">The commit the revision points at (every file comes from it).</param>
/// <param name="Files">The files the pipeline needs, in download order (small ones first).</param>
/// <param name="ExportFolder">The folder of the repo that holds the export (<c>""</c> for its root).</param>
/// <param name="Skipped">How many of the repo's files are not needed (other weights formats, docs, samples).</param>
/// <param name="SkippedBytes">Their size.</param>
public sealed record DownloadPlan(HubRepository Repository, string Commit, IReadOnlyList<HubFile> Files, string ExportFolder, int Skipped, long SkippedBytes)
{
    /// <summary>Gets the bytes of all <see cref="Files"/>.</summary>
    public long TotalBytes => Files.Sum(static f => f.Size);

    /// <summary>Gets a file's path in the model folder (its repo path without <see cref="ExportFolder"/>).</summary>
    public string LocalPath(HubFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Path[ExportFolder.Length..];
    }
}
