using MjBot.Hosting;
namespace MjBot.Cli;

/// <summary>Reads image files for the CLI verbs, turning I/O problems into a sentence.</summary>
internal static class ImageFiles
{
    public static bool TryRead(string path, CliContext context, out byte[] bytes, out string error)
    {
        var full = Path.GetFullPath(path, context.ContentRoot);
        try
        {
            bytes = File.ReadAllBytes(full);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bytes = [];
            error = $"Cannot read {path}: {ex.Message}";
            return false;
        }
    }
}
