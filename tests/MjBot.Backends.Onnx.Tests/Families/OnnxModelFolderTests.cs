using System.Text.Json.Nodes;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Families;

public sealed class OnnxModelFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("tiny-sd", "sd1", "SD 1.x")]
    [InlineData("tiny-sd2-v", "sd2", "SD 2.x")]
    [InlineData("tiny-sdxl", "sdxl", "SDXL")]
    public void Describe_TinyModel_ItsFamily(string model, string key, string name)
    {
        var report = OnnxModelFolder.Describe(OnnxTestAssets.Model(model));

        Assert.Equal(key, report.FamilyKey);
        Assert.Equal(name, report.Family);
        Assert.Empty(report.Problems);
        Assert.Null(report.Source);
    }

    [Fact]
    public void Describe_EmptyFolder_ListsWhatIsMissing()
    {
        var report = OnnxModelFolder.Describe(_folder.Path);

        Assert.Null(report.FamilyKey);
        Assert.Contains("unet/model.onnx is missing", report.Problems);
    }

    [Fact]
    public void WriteSettings_Distilled_KeepsWhatTheFileSetsAddsTheRestAndTheSource()
    {
        var folder = Copy("tiny-sdxl");

        OnnxModelFolder.WriteSettings(folder, "sdxl", distilled: true, "owner/sdxl-turbo", "main", "0123456789abcdef0123456789abcdef01234567");

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "mjbot.json")))!;
        Assert.Equal(128, settings["native_size"]!.GetValue<int>());
        Assert.Equal(4, settings["steps"]!.GetValue<int>());
        Assert.Equal(0, settings["guidance"]!.GetValue<int>());
        Assert.Equal("trailing", settings["timestep_spacing"]!.GetValue<string>());
        var report = OnnxModelFolder.Describe(folder);
        Assert.Equal("SDXL", report.Family);
        Assert.Equal(new ModelSource("owner/sdxl-turbo", "main", "0123456789abcdef0123456789abcdef01234567"), report.Source);
    }

    [Fact]
    public void WriteSettings_NotDistilledNoFile_FamilyAndSourceOnly()
    {
        var folder = Copy("tiny-sd");
        File.Delete(Path.Combine(folder, "mjbot.json"));

        OnnxModelFolder.WriteSettings(folder, "sd1", distilled: false, "owner/sd", "onnx", "abc");

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "mjbot.json")))!.AsObject();
        Assert.Equal(["family", "source"], settings.Select(static p => p.Key));
    }

    private string Copy(string model)
    {
        var source = OnnxTestAssets.Model(model);
        var target = _folder.Combine(model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
