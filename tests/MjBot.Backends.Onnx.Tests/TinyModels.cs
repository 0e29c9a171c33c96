using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests;

/// <summary>The tiny generated models (tests/models), opened once per test run on the CPU.</summary>
internal static class TinyModels
{
    private static readonly Lazy<StableDiffusionModel> Fp32 = new(() => Open("tiny-sd"));
    private static readonly Lazy<StableDiffusionModel> Fp16 = new(() => Open("tiny-sd-fp16"));
    private static readonly Lazy<StableDiffusionModel> Inpainting = new(() => Open("tiny-sd-inpaint"));
    private static readonly Lazy<StableDiffusionModel> Xl = new(() => Open("tiny-sdxl"));
    private static readonly Lazy<StableDiffusionModel> V = new(() => Open("tiny-sd2-v"));
    private static readonly Lazy<StableDiffusionModel> Consistency = new(() => Open("tiny-lcm"));

    public static SessionSettings Cpu { get; } = new() { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 };

    public static StableDiffusionModel Sd => Fp32.Value;

    public static StableDiffusionModel SdFp16 => Fp16.Value;

    public static StableDiffusionModel SdInpaint => Inpainting.Value;

    public static StableDiffusionModel Sdxl => Xl.Value;

    public static StableDiffusionModel Sd2V => V.Value;

    public static StableDiffusionModel Lcm => Consistency.Value;

    public static StableDiffusionModel Open(string name) => StableDiffusionModel.Open(OnnxTestAssets.Model(name), Cpu);
}
