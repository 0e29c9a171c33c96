namespace MjBot.Storage;

/// <summary>What a backup saved.</summary>
/// <param name="Path">The backup file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Jobs">The jobs in it.</param>
/// <param name="Images">The image files it refers to (listed in the manifest).</param>
/// <param name="MissingImages">Of those, the files not found in the images folder.</param>
public sealed record BackupReport(string Path, long Bytes, long Jobs, int Images, int MissingImages);
