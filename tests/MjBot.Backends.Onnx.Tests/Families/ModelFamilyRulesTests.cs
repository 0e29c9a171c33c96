using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Families;

public sealed class ModelFamilyRulesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<ModelPort> Unet(long width, params string[] extra) =>
    [
        new("sample", ElementKind.Float, [-1, 4, -1, -1]),
        new("timestep", ElementKind.Float, [-1]),
        new("encoder_hidden_states", ElementKind.Float, [-1, 77, width]),
        .. extra.Select(static name => new ModelPort(name, ElementKind.Float, [-1, 6])),
    ];

    [Theory]
    [InlineData(768, "sd1")]
    [InlineData(1024, "sd2")]
    public void Detect_HiddenWidth_NamesTheFamily(long width, string family) =>
        Assert.Equal(ModelFamilyRules.Parse(family), ModelFamilyRules.Detect(_folder.Path, Unet(width), null));

    [Fact]
    public void Detect_TextEmbedsAndTimeIdsWithSecondEncoder_IsSdxl()
    {
        Directory.CreateDirectory(_folder.Combine("text_encoder_2"));
        File.WriteAllText(_folder.Combine("text_encoder_2", "model.onnx"), string.Empty);

        Assert.Equal(ModelFamily.Sdxl, ModelFamilyRules.Detect(_folder.Path, Unet(2048, "text_embeds", "time_ids"), null));
    }

    [Fact]
    public void Detect_SdxlUNetWithoutSecondEncoder_RefusedNamingTheInputAndTheMissingFile()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelFamilyRules.Detect(_folder.Path, Unet(1280, "text_embeds", "time_ids"), null));
        Assert.Contains("unet/model.onnx takes \"text_embeds\" (an SDXL UNet), but text_encoder_2/model.onnx is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TextEmbedsWithoutTimeIds_RefusedNamingBoth()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelFamilyRules.Detect(_folder.Path, Unet(2048, "text_embeds"), null));
        Assert.Contains("takes \"text_embeds\" but not \"time_ids\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnknownWidthUndeclared_RefusedNamingTheFileInputAndWidth()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelFamilyRules.Detect(_folder.Path, Unet(32), null));
        Assert.StartsWith(_folder.Combine("unet", "model.onnx") + ": its input \"encoder_hidden_states\" is 32 wide", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Set \"family\" in mjbot.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnknownWidthDeclaredSd2_IsSd2() =>
        Assert.Equal(ModelFamily.Sd2, ModelFamilyRules.Detect(_folder.Path, Unet(32), "sd2"));

    [Fact]
    public void Detect_DeclarationContradictsTheInputs_RefusedSayingWhy()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelFamilyRules.Detect(_folder.Path, Unet(768), "sd2"));
        Assert.Contains("mjbot.json says \"family\": \"sd2\", but the folder is SD 1.x: its UNet's \"encoder_hidden_states\" is 768 wide", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnknownDeclaration_ListsTheNames()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ModelFamilyRules.Detect(_folder.Path, Unet(768), "sd3"));
        Assert.Contains("\"family\" is \"sd3\"; use \"sd1\", \"sd2\" or \"sdxl\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiny-sd", "sd1")]
    [InlineData("tiny-sd2-v", "sd2")]
    [InlineData("tiny-sdxl", "sdxl")]
    [InlineData("tiny-lcm", "sd1")]
    public void Describe_TinyFolders_FromTheFilesAlone(string folder, string family) =>
        Assert.Equal(ModelFamilyRules.Parse(family), StableDiffusionModel.Describe(OnnxTestAssets.Model(folder)));

    [Theory]
    [InlineData("tiny-sd", "unet")]
    [InlineData("tiny-sd-fp16", "unet")]
    [InlineData("tiny-sdxl", "unet")]
    [InlineData("tiny-sdxl", "text_encoder_2")]
    [InlineData("tiny-lcm", "unet")]
    [InlineData("tiny-sd-inpaint", "vae_encoder")]
    public void OnnxFileInputs_TinyModels_SameInputsAsOnnxRuntimeReads(string folder, string part)
    {
        var path = Path.Combine(OnnxTestAssets.Model(folder), part, "model.onnx");
        using var session = SessionFactory.Open(path, TinyModels.Cpu);

        Assert.Equal(session.Inputs, OnnxFileInputs.Read(path), PortComparer.Instance);
    }

    [Fact]
    public void OnnxFileInputs_TruncatedFile_SaysItIsIncomplete()
    {
        var bytes = File.ReadAllBytes(Path.Combine(OnnxTestAssets.Model("tiny-sd"), "unet", "model.onnx"));
        File.WriteAllBytes(_folder.Combine("model.onnx"), bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<InvalidDataException>(() => OnnxFileInputs.Read(_folder.Combine("model.onnx")));
        Assert.Contains("is not a complete ONNX model", ex.Message, StringComparison.Ordinal);
    }

    private sealed class PortComparer : IEqualityComparer<ModelPort>
    {
        public static readonly PortComparer Instance = new();

        public bool Equals(ModelPort? x, ModelPort? y) => x!.Name == y!.Name && x.Kind == y.Kind && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode(ModelPort obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
