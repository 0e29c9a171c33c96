using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Discord.Rest;
using MjBot.ImageCodecs;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Jobs;

/// <summary>Every image MjBot posts (results, U1–U4, /show, the ✉️ DM) goes out through here: it carries its recipe
/// in a PNG <c>parameters</c> chunk (prompt, negative prompt, parameters, seed, backend, model, job), and it fits the
/// channel's upload limit (the interaction's <c>attachment_size_limit</c> where known, Discord's 10 MiB otherwise):
/// kept byte for byte when it fits; else re-encoded harder, then as WebP at quality 90 and full resolution (without the
/// recipe chunk, which only PNG carries), then scaled down. The stored original stays a full-resolution PNG.</summary>
internal static class PostedImages
{
    /// <summary>Gets the upload for image <paramref name="image"/> of <paramref name="job"/> (0: the grid or the
    /// single image; 1–4: a part of the grid).</summary>
    public static UploadFile File(Job job, int image, byte[] png, string fileName, long? limitBytes)
    {
        var recipe = new PngTextChunk("tEXt", ImageRecipe.Keyword, RecipeOf(job, image).ToText());
        var fitted = UploadBudget.FitEncoded(png, LimitOf(limitBytes), [recipe], (static i => WebPEncoder.Encode(i), WebPEncoder.ContentType))
            ?? throw GenerationException.Of("failure.too_large_to_post", retryable: false);
        return fitted.ContentType == WebPEncoder.ContentType
            ? new UploadFile(Path.ChangeExtension(fileName, ".webp"), fitted.File, fitted.ContentType)
            : new UploadFile(fileName, fitted.File);
    }

    /// <summary>Gets the name a posted file of <paramref name="job"/> goes by: behind a spoiler (Discord's
    /// <c>SPOILER_</c> prefix) when the safety checker flagged the job under a Spoiler policy.</summary>
    public static string Named(Job job, string fileName) => job.Spoilered ? "SPOILER_" + fileName : fileName;

    /// <summary>Gets whether <paramref name="job"/>'s images may be posted again somewhere (/show, ✉️): always, unless
    /// they were flagged and posted only because their channel is age-restricted — then only in such a channel.</summary>
    public static bool MayRepost(Job job, bool ageRestrictedHere) => !job.SafetyFlagged || job.Spoilered || ageRestrictedHere;

    /// <summary>Gets the upload limit to use: the channel's when known, else Discord's default.</summary>
    public static long LimitOf(long? limitBytes) => limitBytes is > 0 ? limitBytes.Value : MessageLimits.DefaultFileBytes;

    /// <summary>Gets how image <paramref name="image"/> of <paramref name="job"/> was made.</summary>
    public static ImageRecipe RecipeOf(Job job, int image)
    {
        var request = PromptParser.Parse(job.Prompt) is PromptParseResult.Success { Jobs: [var first, ..] } ? first : null;
        var seed = image >= 1 && job.MakesGrid ? ImageSeeds.Of(job, image) : job.Seed;
        return new ImageRecipe(
            request?.Prompt ?? job.Prompt,
            request is null ? string.Empty : string.Join(", ", request.NegativeTerms),
            PromptParser.ParametersAsTyped(job.Prompt),
            seed >= 0 ? (ulong)seed : null,
            job.Backend,
            request?.Parameters.Model ?? "default",
            job.Id.ToString());
    }
}
