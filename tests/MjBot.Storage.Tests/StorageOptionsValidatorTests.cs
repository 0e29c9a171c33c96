namespace MjBot.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    [Theory]
    [InlineData("data", true)]
    [InlineData("/data", true)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    public void Validate_DataFolder_NamesAFolderOrTheSetting(string folder, bool valid)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { DataFolder = folder });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Storage:DataFolder", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
