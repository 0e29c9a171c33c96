using Microsoft.Extensions.Options;

namespace MjBot.Storage;

/// <summary>Checks the Storage section.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        StorageOptions.CanName(options.DataFolder)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Storage:DataFolder must name a folder, e.g. \"data\" or \"/data\".");
}
