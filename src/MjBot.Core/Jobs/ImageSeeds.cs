using MjBot.Core.Prompting;

namespace MjBot.Core.Jobs;

/// <summary>The seed of each image of a grid: the job's seed for image 1, then + 1, + 2, + 3; with
/// <c>--sameseed</c> all four share the job's seed. Backends, U1–U4 and the ✉️ DM all read seeds here.</summary>
public static class ImageSeeds
{
    /// <summary>Gets the seed of image <paramref name="image"/> (1–4) of a grid whose first seed is
    /// <paramref name="first"/>.</summary>
    /// <param name="first">The job's seed.</param>
    /// <param name="sameSeed">Whether <c>--sameseed</c> was given.</param>
    /// <param name="image">The image, 1 (top left) to 4.</param>
    /// <returns>The seed.</returns>
    public static long Of(long first, bool sameSeed, int image) => sameSeed ? first : first + image - 1;

    /// <summary>Gets the seed of image <paramref name="image"/> (1–4) of <paramref name="job"/>'s grid.</summary>
    /// <param name="job">A grid job.</param>
    /// <param name="image">The image, 1 to 4.</param>
    /// <returns>The seed.</returns>
    public static long Of(Job job, int image)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Of(job.Seed, SameSeed(job.Prompt), image);
    }

    /// <summary>Gets whether a stored prompt asks for one seed for all four images.</summary>
    /// <param name="prompt">The job's prompt.</param>
    /// <returns>True with <c>--sameseed</c>.</returns>
    public static bool SameSeed(string prompt) =>
        PromptParser.Parse(prompt) is PromptParseResult.Success { Jobs: [{ Parameters.SameSeed: true }, ..] };
}
