namespace MjBot.Imaging;

/// <summary>A file that fits the upload limit, and what it took.</summary>
/// <param name="File">The file: a PNG, or the smaller full-resolution format the caller offered (WebP).</param>
/// <param name="Width">Its width (smaller than the original's when it had to be downscaled).</param>
/// <param name="Height">Its height.</param>
/// <param name="CompressionLevel">The zlib level used; null when the file was kept as it came (only text added) or is
/// not a PNG.</param>
/// <param name="ContentType">Its media type.</param>
public sealed record UploadBudgetResult(byte[] File, int Width, int Height, int? CompressionLevel, string ContentType = "image/png");
