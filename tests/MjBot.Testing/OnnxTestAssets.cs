namespace MjBot.Testing;

/// <summary>Where the ONNX tests find ONNX Runtime's native library (fetched by eng/fetch-onnxruntime.sh, which the
/// test command runs; <c>MJBOT_ORT_LIBRARY</c> overrides) and the tiny generated models (tests/models, made by
/// eng/make-tiny-models.py and committed).</summary>
public static class OnnxTestAssets
{
    public static string LibraryPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("MJBOT_ORT_LIBRARY") is { Length: > 0 } set
                ? set
                : RepositoryPaths.InRoot(".native", "onnxruntime", "libonnxruntime.so.1");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"ONNX Runtime's library is not at {path}: run eng/fetch-onnxruntime.sh (eng/test.sh does).");
        }
    }

    /// <summary>Gets a tiny model folder: <c>tiny-sd</c>, <c>tiny-sd-fp16</c> or <c>tiny-sd-inpaint</c>.</summary>
    public static string Model(string name) => RepositoryPaths.InRoot("tests", "models", name);
}
