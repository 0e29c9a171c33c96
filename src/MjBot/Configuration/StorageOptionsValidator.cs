using Microsoft.Extensions.Options;

namespace MjBot.Configuration;

/// <summary>Checks the Storage section.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.DataFolder) || options.DataFolder.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0
            ? ValidateOptionsResult.Fail("Storage:DataFolder must name a folder, e.g. \"data\" or \"/data\".")
            : ValidateOptionsResult.Success;
}
