namespace MjBot.Testing;

/// <summary>Where the ONNX tests find the tiny generated models (tests/models, made by eng/make-tiny-models.py and
/// committed). ONNX Runtime itself comes from Microsoft's NuGet package, beside the test assemblies.</summary>
public static class OnnxTestAssets
{
    /// <summary>Gets a tiny model folder under tests/models (tiny-sd, tiny-sd-fp16, tiny-sd-inpaint, tiny-sdxl,
    /// tiny-sd2-v, tiny-lcm).</summary>
    public static string Model(string name) => RepositoryPaths.InRoot("tests", "models", name);
}
