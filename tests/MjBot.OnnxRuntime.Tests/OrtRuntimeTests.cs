using MjBot.Testing;

namespace MjBot.OnnxRuntime.Tests;

public sealed class OrtRuntimeTests
{
    private static readonly OrtSessionSettings Cpu = new() { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 };

    private static OrtRuntime Runtime => OrtRuntime.Load(OnnxTestAssets.LibraryPath);

    private static string ModelFile(string folder, string part) => Path.Combine(OnnxTestAssets.Model(folder), part, "model.onnx");

    [Fact]
    public void Load_FetchedLibrary_ReportsVersionAndProviders()
    {
        Assert.Equal("1.30.0", Runtime.Version);
        Assert.Contains("CPUExecutionProvider", Runtime.AvailableProviders());
    }

    [Fact]
    public void Load_MissingFile_ThrowsNoSuchFile()
    {
        var ex = Assert.Throws<OrtException>(() => OrtRuntime.Load("/nonexistent/libonnxruntime.so.1"));
        Assert.Equal(OrtErrorCode.NoSuchFile, ex.Code);
        Assert.Contains("/nonexistent/libonnxruntime.so.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LibraryWithoutOrtApi_SaysItIsNotOnnxRuntime()
    {
        var libc = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.First(File.Exists);
        var ex = Assert.Throws<OrtException>(() => OrtRuntime.Load(libc));
        Assert.Contains("is not ONNX Runtime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_NotAModel_ThrowsOrtErrorWithOrtMessage()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.onnx");
        File.WriteAllText(path, "this is not a protobuf");
        var ex = Assert.Throws<OrtException>(() => Runtime.OpenSession(path, Cpu));
        Assert.Equal(OrtErrorCode.InvalidProtobuf, ex.Code);
        Assert.Contains("Protobuf parsing failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_MissingModel_ThrowsNoSuchFile()
    {
        var ex = Assert.Throws<OrtException>(() => Runtime.OpenSession("/nonexistent/model.onnx", Cpu));
        Assert.Equal(OrtErrorCode.NoSuchFile, ex.Code);
    }

    [Fact]
    public void Inputs_UNet_ReadFromTheModelWithDynamicDimensions()
    {
        using var unet = Runtime.OpenSession(ModelFile("tiny-sd", "unet"), Cpu);
        Assert.Equal(["sample", "timestep", "encoder_hidden_states"], unet.Inputs.Select(static i => i.Name));
        var sample = unet.Inputs[0];
        Assert.Equal(TensorElementType.Float, sample.ElementType);
        Assert.Equal([-1L, 4, -1, -1], sample.Shape);
        Assert.Equal(["batch", string.Empty, "height", "width"], sample.SymbolicShape);
        Assert.Equal("out_sample", Assert.Single(unet.Outputs).Name);
    }

    [Fact]
    public void Inputs_Fp16Export_DeclaresFloat16AndInt64()
    {
        using var unet = Runtime.OpenSession(ModelFile("tiny-sd-fp16", "unet"), Cpu);
        Assert.Equal(TensorElementType.Float16, unet.Input("sample")!.ElementType);
        Assert.Equal(TensorElementType.Int64, unet.Input("timestep")!.ElementType);
        using var encoder = Runtime.OpenSession(ModelFile("tiny-sd-fp16", "text_encoder"), Cpu);
        Assert.Equal(TensorElementType.Int64, encoder.Input("input_ids")!.ElementType);
    }

    [Fact]
    public void Run_TextEncoderInt32_ReturnsHiddenStatesOfTheModelsWidth()
    {
        using var encoder = Runtime.OpenSession(ModelFile("tiny-sd", "text_encoder"), Cpu);
        var ids = new OrtTensor<int>(new int[2 * 77], 2, 77);
        var output = Assert.Single(encoder.Run([new NamedTensor("input_ids", ids)]));
        Assert.Equal("last_hidden_state", output.Name);
        Assert.Equal([2L, 77, 32], output.Tensor.Shape);
        var data = output.Tensor.As<float>().Data;
        Assert.Equal(data.AsSpan(0, 77 * 32).ToArray(), data.AsSpan(77 * 32).ToArray());
    }

    [Fact]
    public void Run_Float16Tensors_RoundTripThroughTheModel()
    {
        using var decoder = Runtime.OpenSession(ModelFile("tiny-sd-fp16", "vae_decoder"), Cpu);
        var latents = new OrtTensor<Half>([.. Enumerable.Range(0, 4 * 2 * 2).Select(static i => (Half)(i / 16f))], 1, 4, 2, 2);
        var output = Assert.Single(decoder.Run([new NamedTensor("latent_sample", latents)]));
        Assert.Equal(TensorElementType.Float16, output.Tensor.ElementType);
        Assert.Equal([1L, 3, 16, 16], output.Tensor.Shape);
        Assert.All(output.Tensor.As<Half>().Data, static v => Assert.InRange((float)v, -1f, 1f));
    }

    [Fact]
    public void Run_WrongElementType_NamesInputAndBothTypes()
    {
        using var encoder = Runtime.OpenSession(ModelFile("tiny-sd", "text_encoder"), Cpu);
        var ids = new OrtTensor<long>(new long[77], 1, 77);
        var ex = Assert.Throws<ArgumentException>(() => encoder.Run([new NamedTensor("input_ids", ids)]));
        Assert.Contains("\"input_ids\" takes Int32, not Int64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownInput_ListsTheModelsInputs()
    {
        using var encoder = Runtime.OpenSession(ModelFile("tiny-sd", "text_encoder"), Cpu);
        var ids = new OrtTensor<int>(new int[77], 1, 77);
        var ex = Assert.Throws<ArgumentException>(() => encoder.Run([new NamedTensor("input_ids", ids), new NamedTensor("attention_mask", ids)]));
        Assert.Contains("no input \"attention_mask\"; it has input_ids", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShapeTheModelRejects_ThrowsOrtErrorWithOrtMessage()
    {
        using var unet = Runtime.OpenSession(ModelFile("tiny-sd", "unet"), Cpu);
        var ex = Assert.Throws<OrtException>(() => unet.Run(
        [
            new NamedTensor("sample", new OrtTensor<float>(new float[3 * 8 * 8], 1, 3, 8, 8)),
            new NamedTensor("timestep", new OrtTensor<float>([1f], 1)),
            new NamedTensor("encoder_hidden_states", new OrtTensor<float>(new float[77 * 32], 1, 77, 32)),
        ]));
        Assert.Equal(OrtErrorCode.InvalidArgument, ex.Code);
        Assert.Contains("sample", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AlreadyCancelled_ThrowsOperationCanceled()
    {
        using var encoder = Runtime.OpenSession(ModelFile("tiny-sd", "text_encoder"), Cpu);
        var ids = new OrtTensor<int>(new int[77], 1, 77);
        Assert.Throws<OperationCanceledException>(() => encoder.Run([new NamedTensor("input_ids", ids)], cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void OpenSession_CudaRequestedWithoutProvider_FallsBackToCpuWithReason()
    {
        using var unet = Runtime.OpenSession(ModelFile("tiny-sd", "unet"), Cpu with { Provider = ExecutionProviderPreference.Cuda });
        Assert.Equal("CPUExecutionProvider", unet.ExecutionProvider);
        Assert.NotNull(unet.FallbackReason);
        Assert.Contains("libonnxruntime_providers", unet.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSession_CpuOnly_HasNoFallbackReason()
    {
        using var unet = Runtime.OpenSession(ModelFile("tiny-sd", "unet"), Cpu);
        Assert.Equal("CPUExecutionProvider", unet.ExecutionProvider);
        Assert.Null(unet.FallbackReason);
    }

    [Fact]
    public void OrtTensor_ShapeDisagreesWithData_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OrtTensor<float>(new float[5], 2, 3));
        Assert.Contains("holds 6 elements, not 5", ex.Message, StringComparison.Ordinal);
    }
}
