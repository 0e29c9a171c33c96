using MjBot.Backends.Onnx.Runtime;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Runtime;

/// <summary>The seam over Microsoft's ONNX Runtime, against the real runtime (the CPU package) and the tiny models.</summary>
public sealed class ModelSessionTests
{
    private static string ModelFile(string folder, string part) => Path.Combine(OnnxTestAssets.Model(folder), part, "model.onnx");

    [Fact]
    public void Version_OfficialPackage_Is1320AndCarriesTheCpuProvider()
    {
        Assert.Equal("1.32.0", SessionFactory.Version);
        Assert.Contains(SessionFactory.CpuProvider, SessionFactory.AvailableProviders());
    }

    [Fact]
    public void Open_NotAModel_ThrowsWithOnnxRuntimesMessage()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "model.onnx");
        File.WriteAllText(path, "this is not a protobuf");
        var ex = Assert.Throws<ModelRuntimeException>(() => SessionFactory.Open(path, TinyModels.Cpu));
        Assert.Contains("Protobuf parsing failed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingModel_NamesThePath()
    {
        var ex = Assert.Throws<ModelRuntimeException>(() => SessionFactory.Open("/nonexistent/model.onnx", TinyModels.Cpu));
        Assert.Contains("/nonexistent/model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_UNet_ReadFromTheModelWithDynamicDimensions()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu);
        Assert.Equal(["sample", "timestep", "encoder_hidden_states"], unet.Inputs.Select(static i => i.Name));
        Assert.Equal(ElementKind.Float, unet.Inputs[0].Kind);
        Assert.Equal([-1L, 4, -1, -1], unet.Inputs[0].Shape);
        Assert.Equal("out_sample", Assert.Single(unet.Outputs).Name);
    }

    [Fact]
    public void Inputs_Fp16Export_DeclaresFloat16AndInt64()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd-fp16", "unet"), TinyModels.Cpu);
        Assert.Equal(ElementKind.Float16, unet.Input("sample")!.Kind);
        Assert.Equal(ElementKind.Int64, unet.Input("timestep")!.Kind);
    }

    [Fact]
    public void Run_TextEncoderInt32_ReturnsHiddenStatesOfTheModelsWidth()
    {
        using var encoder = SessionFactory.Open(ModelFile("tiny-sd", "text_encoder"), TinyModels.Cpu);
        var output = Assert.Single(encoder.Run([new NamedTensor("input_ids", new ModelTensor<int>(new int[2 * 77], 2, 77))]));
        Assert.Equal("last_hidden_state", output.Name);
        Assert.Equal([2L, 77, 32], output.Tensor.Shape);
        var data = output.Tensor.As<float>().Data;
        Assert.Equal(data.AsSpan(0, 77 * 32).ToArray(), data.AsSpan(77 * 32).ToArray());
    }

    [Fact]
    public void Run_Float16Tensors_RoundTripThroughTheModel()
    {
        using var decoder = SessionFactory.Open(ModelFile("tiny-sd-fp16", "vae_decoder"), TinyModels.Cpu);
        var latents = new ModelTensor<Half>([.. Enumerable.Range(0, 4 * 2 * 2).Select(static i => (Half)(i / 16f))], 1, 4, 2, 2);
        var output = Assert.Single(decoder.Run([new NamedTensor("latent_sample", latents)]));
        Assert.Equal(ElementKind.Float16, output.Tensor.Kind);
        Assert.Equal([1L, 3, 16, 16], output.Tensor.Shape);
        Assert.All(output.Tensor.As<Half>().Data, static v => Assert.InRange((float)v, -1f, 1f));
        Assert.Contains(output.Tensor.As<Half>().Data, static v => v != Half.Zero);
    }

    [Fact]
    public void Run_WrongElementType_NamesInputAndBothTypes()
    {
        using var encoder = SessionFactory.Open(ModelFile("tiny-sd", "text_encoder"), TinyModels.Cpu);
        var ex = Assert.Throws<ArgumentException>(() => encoder.Run([new NamedTensor("input_ids", new ModelTensor<long>(new long[77], 1, 77))]));
        Assert.Contains("\"input_ids\" takes Int32, not Int64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownInput_ListsTheModelsInputs()
    {
        using var encoder = SessionFactory.Open(ModelFile("tiny-sd", "text_encoder"), TinyModels.Cpu);
        var ids = new ModelTensor<int>(new int[77], 1, 77);
        var ex = Assert.Throws<ArgumentException>(() => encoder.Run([new NamedTensor("input_ids", ids), new NamedTensor("attention_mask", ids)]));
        Assert.Contains("no input \"attention_mask\"; it has input_ids", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShapeTheModelRejects_ThrowsWithOnnxRuntimesMessage()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu);
        var ex = Assert.Throws<ModelRuntimeException>(() => unet.Run(
        [
            new NamedTensor("sample", new ModelTensor<float>(new float[3 * 8 * 8], 1, 3, 8, 8)),
            new NamedTensor("timestep", new ModelTensor<float>([1f], 1)),
            new NamedTensor("encoder_hidden_states", new ModelTensor<float>(new float[77 * 32], 1, 77, 32)),
        ]));
        Assert.Contains("sample", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AlreadyCancelled_ThrowsOperationCanceled()
    {
        using var encoder = SessionFactory.Open(ModelFile("tiny-sd", "text_encoder"), TinyModels.Cpu);
        var ids = new ModelTensor<int>(new int[77], 1, 77);
        Assert.Throws<OperationCanceledException>(() => encoder.Run([new NamedTensor("input_ids", ids)], cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void Open_CudaRequestedOnTheCpuBuild_FallsBackToCpuWithOnnxRuntimesReason()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu with { Provider = ExecutionProviderPreference.Cuda });
        Assert.Equal(SessionFactory.CpuProvider, unet.ExecutionProvider);
        Assert.Equal("CUDAExecutionProvider: [ErrorCode:Fail] CUDA execution provider is not enabled in this build.", unet.FallbackReason);
    }

    [Fact]
    public void Open_CpuOnly_HasNoFallbackReason()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu);
        Assert.Equal(SessionFactory.CpuProvider, unet.ExecutionProvider);
        Assert.Null(unet.FallbackReason);
    }

    [Fact]
    public void ModelTensor_ShapeDisagreesWithData_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ModelTensor<float>(new float[5], 2, 3));
        Assert.Contains("holds 6 elements, not 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoundRun_ConstantInputBoundOnce_MatchesAPlainRunAtEveryStep()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu);
        var hidden = new ModelTensor<float>([.. Enumerable.Range(0, 77 * 32).Select(static i => (i % 7) / 7f)], 1, 77, 32);
        using var bound = unet.Bind();
        bound.Set(new NamedTensor("encoder_hidden_states", hidden));
        for (var step = 0; step < 3; step++)
        {
            var sample = new ModelTensor<float>([.. Enumerable.Range(0, 4 * 8 * 8).Select(i => ((i + step) % 5) / 5f)], 1, 4, 8, 8);
            var timestep = new ModelTensor<float>([900f - (step * 300)], 1);
            bound.Set(new NamedTensor("sample", sample));
            bound.Set(new NamedTensor("timestep", timestep));
            var viaBinding = bound.Run("out_sample", CancellationToken.None).As<float>().Data;
            var plain = unet.Run([new NamedTensor("sample", sample), new NamedTensor("timestep", timestep), new NamedTensor("encoder_hidden_states", hidden)])[0].Tensor.As<float>().Data;
            Assert.Equal(plain, viaBinding);
        }

        Assert.Equal(1 + (3 * 2), bound.Bindings);
    }

    [Fact]
    public void BoundRun_InputNotBound_NamesIt()
    {
        using var unet = SessionFactory.Open(ModelFile("tiny-sd", "unet"), TinyModels.Cpu);
        using var bound = unet.Bind();
        bound.Set(new NamedTensor("timestep", new ModelTensor<float>([1f], 1)));
        var ex = Assert.Throws<ArgumentException>(() => bound.Run("out_sample", CancellationToken.None));
        Assert.Contains("sample, encoder_hidden_states were not bound", ex.Message, StringComparison.Ordinal);
    }
}
