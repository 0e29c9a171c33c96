namespace MjBot.ModelHub.Tests;

public sealed class HubRepositoryTests
{
    [Theory]
    [InlineData("stabilityai/sdxl-turbo", "stabilityai/sdxl-turbo", "main")]
    [InlineData("runwayml/stable-diffusion-v1-5@onnx", "runwayml/stable-diffusion-v1-5", "onnx")]
    [InlineData("owner/name@refs/pr/12", "owner/name", "refs/pr/12")]
    [InlineData("https://huggingface.co/onnx-community/sd-turbo-ONNX", "onnx-community/sd-turbo-ONNX", "main")]
    [InlineData("  gpt2  ", "gpt2", "main")]
    public void TryParse_ValidReference_IdAndRevision(string text, string id, string revision)
    {
        Assert.True(HubRepository.TryParse(text, out var repository, out var problem), problem);
        Assert.Equal(id, repository.Id);
        Assert.Equal(revision, repository.Revision);
    }

    [Theory]
    [InlineData("", "not a Hugging Face repo id")]
    [InlineData("a/b/c", "not a Hugging Face repo id")]
    [InlineData("owner/na me", "not a Hugging Face repo id")]
    [InlineData("owner/-name", "not a Hugging Face repo id")]
    [InlineData("owner/na--me", "not a Hugging Face repo id")]
    [InlineData("owner/name.git", "not a Hugging Face repo id")]
    [InlineData("owner/name@", "is not a revision")]
    [InlineData("owner/name@../x", "is not a revision")]
    public void TryParse_Malformed_SaysWhy(string text, string expected)
    {
        Assert.False(HubRepository.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_OwnerAndName_NameOnly() =>
        Assert.Equal("sdxl-turbo", new HubRepository("stabilityai/sdxl-turbo", "main").Name);
}
