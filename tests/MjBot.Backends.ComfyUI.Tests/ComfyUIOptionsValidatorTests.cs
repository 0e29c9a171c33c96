namespace MjBot.Backends.ComfyUI.Tests;

/// <summary>The start-up check of <c>Backends:ComfyUI</c>: each problem names its key and says what to set.</summary>
public sealed class ComfyUIOptionsValidatorTests
{
    [Fact]
    public void Validate_TheRigsConfiguration_Succeeds()
    {
        var result = new ComfyUIOptionsValidator().Validate(null, ComfyRig.DefaultOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("sdxl", "Clip2 (CLIP-G)")]
    [InlineData("flux", "Clip2 (T5)")]
    public void Validate_SplitModelWithoutItsSecondEncoder_NamesTheAliasAndClip2(string family, string expected)
    {
        var options = ComfyRig.DefaultOptions();
        options.Models["split"] = new() { Family = family, Unet = "unet.safetensors", Clip = "clip_l.safetensors", Vae = "vae.safetensors" };

        var result = new ComfyUIOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Failures!);
        Assert.Contains("Backends:ComfyUI:Models:split", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Sd15SplitModelWithOneEncoder_Succeeds()
    {
        var options = ComfyRig.DefaultOptions();
        options.Models["split"] = new() { Family = "sd15", Unet = "unet.safetensors", Clip = "clip_l.safetensors", Vae = "vae.safetensors" };

        Assert.True(new ComfyUIOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("comfyui:8188")]
    [InlineData("ftp://comfyui:8188")]
    [InlineData("")]
    public void Validate_ServerAddressNotHttp_NamesTheServersUrl(string url)
    {
        var options = ComfyRig.DefaultOptions();
        options.Servers = [new ComfyServerOptions { Url = url }];

        var result = new ComfyUIOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, static f => f.StartsWith("Backends:ComfyUI:Servers:0:Url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_ServerAddressInvalid_TheProblemAsALine()
    {
        var options = ComfyRig.DefaultOptions();
        options.Servers = [new ComfyServerOptions { Url = "comfyui:8188" }];

        var (ok, lines) = await ComfyUICheck.CheckAsync(options, CancellationToken.None);

        Assert.False(ok);
        Assert.Contains(lines, static l => l.StartsWith("Backends:ComfyUI:Servers:0:Url is \"comfyui:8188\"", StringComparison.Ordinal));
    }
}
