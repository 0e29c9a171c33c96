using Microsoft.Extensions.Options;

namespace MjBot.ImageCodecs;

/// <summary>Checks <see cref="ImageDecodingOptions"/> at startup.</summary>
internal sealed class ImageDecodingOptionsValidator : IValidateOptions<ImageDecodingOptions>
{
    public ValidateOptionsResult Validate(string? name, ImageDecodingOptions options) =>
        options.MaxImageMegapixels is >= 1 and <= 268
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Moderation:MaxImageMegapixels is {options.MaxImageMegapixels}: use 1 to 268 (16384×16384).");
}
