using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.ImageCodecs;
using MjBot.Imaging;
using MjBot.Jobs;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/describe image or link: four prompts for the image, numbered 1️⃣–4️⃣ under it, with a button that imagines
/// each and 🔄 for four more; the line under them says which describer answered. The describer is the chat model of a
/// configured OpenAI key (the image goes to it), else CLIP on this server; without either the command says what to
/// configure. The member's ban and channel rules apply, and the image comes through the safe link fetcher in any
/// format MjBot reads.</summary>
internal sealed class DescribeCommand(
    DiscordRestClient rest,
    IEnumerable<IPromptDescriber> describers,
    IEnumerable<IClipEncoder> clips,
    ReferenceFetcher images,
    ModerationGate gate,
    ImagineCommand imagine)
{
    public const string Prefix = "describe";

    private const int Count = 4;

    /// <summary>Gets the describer this server uses, or null.</summary>
    public IPromptDescriber? Describer { get; } = describers.FirstOrDefault() ?? (clips.FirstOrDefault() is { } clip ? new ClipPromptDescriber(clip) : null);

    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var l = interaction.MemberLanguage();
        var link = CommandOptions.Attachment(interaction, "image")?.Url ?? CommandOptions.String(interaction, "link")?.Trim();
        var refusal = Describer is null ? l.Text("describe.unavailable")
            : string.IsNullOrEmpty(link) ? l.Text("describe.no_image")
            : await gate.RefusalAsync(interaction, 1, cancellationToken);
        if (refusal is not null)
        {
            await Replies.EphemeralAsync(rest, interaction, refusal, cancellationToken);
            return;
        }

        await Replies.DeferAsync(rest, interaction, cancellationToken);
        await AnswerAsync(interaction, link!, 0, cancellationToken);
    }

    /// <summary>1️⃣–4️⃣ imagine that line's prompt; 🔄 describes the image above them again, for four other prompts.</summary>
    public async Task PressAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var parts = interaction.Data?.CustomId?.Split(':') ?? [];
        if (parts is [_, "more", var r] && int.TryParse(r, System.Globalization.CultureInfo.InvariantCulture, out var round)
            && interaction.Message?.Attachments is [{ Url: { } url }, ..] && Describer is not null)
        {
            if (await gate.RefusalAsync(interaction, 1, cancellationToken) is { } refusal)
            {
                await Replies.EphemeralAsync(rest, interaction, refusal, cancellationToken);
                return;
            }

            await Replies.DeferAsync(rest, interaction, cancellationToken);
            await AnswerAsync(interaction, url, round, cancellationToken);
            return;
        }

        if (NumberedPrompts.Picked(interaction) is { } prompt)
        {
            await imagine.SubmitAsync(interaction, prompt, cancellationToken);
            return;
        }

        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.prompts_stale"), cancellationToken);
    }

    /// <summary>The longest prompt shown on a line, so four of them fit one message.</summary>
    public const int MaxPromptLength = 400;

    // A describer's words alone: whatever it wrote as parameters (--ar, --v) or weights (::) would make the prompt
    // fail when its button imagines it; the line ends with the image's own --ar.
    private static string Words(string prompt)
    {
        var cut = prompt.IndexOf(" --", StringComparison.Ordinal);
        var words = (cut >= 0 ? prompt[..cut] : prompt).Replace("::", " ", StringComparison.Ordinal).Replace("—", " ", StringComparison.Ordinal).Trim();
        return words.Length > MaxPromptLength ? words[..MaxPromptLength].TrimEnd() : words;
    }

    private async Task AnswerAsync(Interaction interaction, string link, int round, CancellationToken cancellationToken)
    {
        var l = interaction.MemberLanguage();
        var result = await images.ReadAsync(link, cancellationToken);
        if (result is not ImageReadResult.Read read)
        {
            await Replies.WithdrawAsync(rest, interaction, ((ImageReadResult.Refused)result).Reason.Text(l), cancellationToken);
            return;
        }

        IReadOnlyList<string> prompts;
        try
        {
            prompts = await Describer!.DescribeAsync(read.Png, Count, round, cancellationToken);
        }
        catch (GenerationException ex)
        {
            await Replies.WithdrawAsync(rest, interaction, l.Text("describe.failed", ("why", ex.Reason.Text(l))), cancellationToken);
            return;
        }

        var aspect = AspectRatio.Nearest(read.SourceWidth, read.SourceHeight);
        var lines = prompts.Select((p, i) => NumberedPrompts.Line(i + 1, $"{Words(p)} --ar {aspect.Width}:{aspect.Height}"));
        var body = new MessageBody
        {
            Content = string.Join("\n\n", lines) + "\n" + l.Text("describe.by", ("describer", Describer.Name)),
            AllowedMentions = new AllowedMentions([]),
            Components = [Describer.Rounds(Count) is { } rounds && round + 1 >= rounds
                ? NumberedPrompts.Buttons(Prefix, prompts.Count)
                : NumberedPrompts.Buttons(Prefix, prompts.Count, new Component(2) { Style = 2, Emoji = new Emoji("🔄"), CustomId = $"{Prefix}:more:{round + 1}" })],
        };
        var limit = PostedImages.LimitOf(interaction.AttachmentSizeLimit);
        var file = UploadBudget.FitEncoded(read.Png, limit, [], (static i => WebPEncoder.Encode(i), WebPEncoder.ContentType)) is { } fitted
            ? new UploadFile(fitted.ContentType == WebPEncoder.ContentType ? "describe.webp" : "describe.png", fitted.File, fitted.ContentType)
            : null;
        await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, body, file is null ? null : [file], limit, cancellationToken);
    }
}
