using MjBot.Backends.Onnx.Pipeline;
using MjBot.OnnxRuntime;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests;

/// <summary>The tiny generated models (tests/models), opened once per test run on the CPU.</summary>
internal static class TinyModels
{
    private static readonly Lazy<StableDiffusionModel> Fp32 = new(() => Open("tiny-sd"));
    private static readonly Lazy<StableDiffusionModel> Fp16 = new(() => Open("tiny-sd-fp16"));
    private static readonly Lazy<StableDiffusionModel> Inpainting = new(() => Open("tiny-sd-inpaint"));

    public static OrtRuntime Runtime => OrtRuntime.Load(OnnxTestAssets.LibraryPath);

    public static OrtSessionSettings Cpu { get; } = new() { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 };

    public static StableDiffusionModel Sd => Fp32.Value;

    public static StableDiffusionModel SdFp16 => Fp16.Value;

    public static StableDiffusionModel SdInpaint => Inpainting.Value;

    private static StableDiffusionModel Open(string name) => StableDiffusionModel.Open(Runtime, OnnxTestAssets.Model(name), Cpu);
}
