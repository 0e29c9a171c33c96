namespace MjBot.Imaging;

/// <summary>A PNG that fits the upload limit, and what it took.</summary>
/// <param name="Png">The file.</param>
/// <param name="Width">Its width (smaller than the original's when it had to be downscaled).</param>
/// <param name="Height">Its height.</param>
/// <param name="CompressionLevel">The zlib level used; null when the file was kept as it came (only text added).</param>
public sealed record UploadBudgetResult(byte[] Png, int Width, int Height, int? CompressionLevel);
