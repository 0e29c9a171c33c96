namespace MjBot.Backends.Onnx;

/// <summary>Where ONNX Runtime's native library is: the configured path, else where eng/fetch-onnxruntime.sh puts it
/// (<c>.native/onnxruntime/</c> under the working directory), else beside the program (a publish or the Docker image).</summary>
internal static class OnnxLibrary
{
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        string[] candidates =
        [
            Path.Combine(contentRoot, ".native", "onnxruntime", "libonnxruntime.so.1"),
            Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1"),
            Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so"),
        ];
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}
