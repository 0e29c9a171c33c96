using System.Security.Cryptography;
using System.Text.Json;
using MjBot.Cli;
using MjBot.Hosting;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Tests.Cli;

public sealed class ImageVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Inspect_ImageWithARecipe_PrintsHeaderRecipeFieldsAndPixelHash()
    {
        var image = Gradient(5, 3, 40);
        var recipe = new ImageRecipe("a red fox", "trees", "--ar 5:3 --s 250", 42, "onnx", "sd15", "job-7");
        await File.WriteAllBytesAsync(_folder.Combine("fox.png"), PngEncoder.Encode(image, new PngEncoderOptions
        {
            Text = [new PngTextChunk("tEXt", ImageRecipe.Keyword, recipe.ToText())],
        }));

        var (exit, output) = await RunAsync("inspect", "fox.png");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(5, json.GetProperty("width").GetInt32());
        Assert.Equal(3, json.GetProperty("height").GetInt32());
        Assert.Equal(2, json.GetProperty("color_type").GetInt32());
        Assert.Equal(8, json.GetProperty("bit_depth").GetInt32());
        Assert.False(json.GetProperty("interlaced").GetBoolean());
        var parameters = json.GetProperty("parameters");
        Assert.Equal("a red fox", parameters.GetProperty("prompt").GetString());
        Assert.Equal("trees", parameters.GetProperty("negative_prompt").GetString());
        Assert.Equal("--ar 5:3 --s 250", parameters.GetProperty("parameters").GetString());
        Assert.Equal(42UL, parameters.GetProperty("seed").GetUInt64());
        Assert.Equal("job-7", parameters.GetProperty("job_id").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image.Pixels)), json.GetProperty("rgba_sha256").GetString());
    }

    [Fact]
    public async Task Inspect_PaletteFileOfTheSuite_HashesItsExpandedRgba()
    {
        var (exit, output) = await RunAsync("inspect", RepositoryPaths.InTestData("pngsuite", "basn3p01.png"));
        var decoded = ((PngDecodeResult.Success)PngDecoder.Decode(File.ReadAllBytes(RepositoryPaths.InTestData("pngsuite", "basn3p01.png")))).Image;

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(3, json.GetProperty("color_type").GetInt32());
        Assert.Equal(1, json.GetProperty("bit_depth").GetInt32());
        Assert.Equal(32 * 32 * 4, decoded.Pixels.Pixels.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(decoded.Pixels.Pixels)), json.GetProperty("rgba_sha256").GetString());
    }

    [Theory]
    [InlineData("xcsn0g01.png", "xcsn0g01.png: CRC mismatch in chunk IDAT")]
    [InlineData("xs1n0g01.png", "xs1n0g01.png: Not a PNG file: the 8-byte PNG signature is missing or damaged")]
    public async Task Inspect_BrokenFile_PrintsTheErrorAndExits2(string name, string message)
    {
        var (exit, output) = await RunAsync("inspect", RepositoryPaths.InTestData("pngsuite", name));

        Assert.Equal(2, exit);
        Assert.Equal(message, JsonDocument.Parse(output).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Inspect_MissingFile_PrintsTheErrorAndExits2()
    {
        var (exit, output) = await RunAsync("inspect", "nope.png");

        Assert.Equal(2, exit);
        Assert.StartsWith("Cannot read nope.png", JsonDocument.Parse(output).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grid_FourFiles_WritesTheGridInMidjourneyOrder()
    {
        var tiles = Enumerable.Range(0, 4).Select(i => Gradient(6, 4, i * 50)).ToList();
        for (var i = 0; i < 4; i++)
        {
            await File.WriteAllBytesAsync(_folder.Combine($"{i}.png"), PngEncoder.Encode(tiles[i]));
        }

        var (exit, output) = await RunAsync("grid", "0.png", "1.png", "2.png", "3.png", "-o", "grid.png", "--gutter", "2");

        Assert.Equal(0, exit);
        Assert.Contains("14×10", output, StringComparison.Ordinal);
        var grid = ((PngDecodeResult.Success)PngDecoder.Decode(await File.ReadAllBytesAsync(_folder.Combine("grid.png")))).Image.Pixels;
        for (var tile = 1; tile <= 4; tile++)
        {
            Assert.Equal(tiles[tile - 1].Pixels, ImageGrid.CropTile(grid, tile, GridLayout.TwoByTwo, gutter: 2).Pixels);
        }
    }

    [Fact]
    public async Task Grid_DifferentSizes_IsRefusedWithBothSizes()
    {
        await File.WriteAllBytesAsync(_folder.Combine("a.png"), PngEncoder.Encode(Gradient(4, 4, 0)));
        await File.WriteAllBytesAsync(_folder.Combine("b.png"), PngEncoder.Encode(Gradient(5, 4, 0)));
        var error = new StringWriter();

        var exit = await MjBotCommandLine.RunAsync(["grid", "a.png", "b.png", "-o", "g.png"], new CliContext(TextWriter.Null, error, _folder.Path));

        Assert.Equal(2, exit);
        Assert.Contains("4×4, 5×4", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grid", "a.png")]
    [InlineData("grid", "-o", "out.png")]
    [InlineData("grid", "1.png", "2.png", "3.png", "4.png", "5.png", "-o", "out.png")]
    [InlineData("inspect")]
    public async Task ImageVerbs_BadArguments_PrintUsageAndExit64(params string[] args)
    {
        var error = new StringWriter();

        Assert.Equal(64, await MjBotCommandLine.RunAsync(args, new CliContext(TextWriter.Null, error, _folder.Path)));
        Assert.Contains("Usage: mjbot", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static RgbaImage Gradient(int width, int height, int offset)
    {
        var image = new RgbaImage(width, height);
        for (var i = 0; i < width * height; i++)
        {
            image.Pixels[i * 4] = (byte)(offset + i);
            image.Pixels[(i * 4) + 1] = (byte)(i * 7);
            image.Pixels[(i * 4) + 2] = (byte)(255 - i);
            image.Pixels[(i * 4) + 3] = 255;
        }

        return image;
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await MjBotCommandLine.RunAsync(args, new CliContext(output, TextWriter.Null, _folder.Path));
        return (exit, output.ToString());
    }
}
