using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/blend image1 … image5 [dimensions]: Midjourney's blend of two to five images, made as /imagine of a prompt
/// that is the images' links (each an image prompt) and the chosen shape (portrait 2:3, square 1:1, landscape 3:2).
/// Stable Diffusion starts image-to-image from the mean of their latents; the GPT image models get them together in
/// one edit; a backend that uses no images is refused at once with a sentence.</summary>
internal sealed class BlendCommand(ImagineCommand imagine, DiscordRestClient rest)
{
    /// <summary>The attachment options, in order; the first two are required.</summary>
    public static readonly string[] ImageOptions = ["image1", "image2", "image3", "image4", "image5"];

    public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var links = ImageOptions.Select(n => CommandOptions.Attachment(interaction, n)?.Url).OfType<string>().Where(static u => u.Length > 0).ToList();
        if (links.Count < 2)
        {
            return Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("blend.too_few"), cancellationToken);
        }

        return imagine.SubmitAsync(interaction, PromptOf(links, CommandOptions.String(interaction, "dimensions")), cancellationToken, blend: true);
    }

    /// <summary>The prompt a blend is: the links, then the shape as --ar.</summary>
    public static string PromptOf(IReadOnlyList<string> links, string? dimensions) =>
        $"{string.Join(' ', links)} --ar {dimensions switch { "portrait" => "2:3", "landscape" => "3:2", _ => "1:1" }}";
}
