using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Moderation;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>/shorten prompt: which parts carry the prompt, as the CLIP text encoder reads it (in bold), and up to five
/// shorter prompts numbered 1️⃣–5️⃣ with a button that imagines each; the prompt's image links and parameters stay on
/// every one. Computed on this server (<see cref="ShortenedPrompt"/>), no chat model involved; without the CLIP model the
/// command says what to configure. The prompt passes the server's rules like /imagine's.</summary>
internal sealed class ShortenCommand(
    DiscordRestClient rest,
    IEnumerable<IClipEncoder> clips,
    ISettingsStore settings,
    PromptOptions promptOptions,
    ModerationGate gate,
    ImagineCommand imagine)
{
    public const string Prefix = "shorten";

    /// <summary>The longest prompt taken, so the answer (the prompt and five shorter ones) fits one message.</summary>
    public const int MaxPromptLength = 300;

    private readonly IClipEncoder? _clip = clips.FirstOrDefault();

    /// <summary>Gets whether this server can shorten prompts.</summary>
    public bool Available => _clip is not null;

    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var l = interaction.MemberLanguage();
        var prompt = CommandOptions.String(interaction, "prompt") ?? string.Empty;
        if (_clip is null)
        {
            await Replies.EphemeralAsync(rest, interaction, l.Text("shorten.unavailable"), cancellationToken);
            return;
        }

        var backend = imagine.BackendOf(await settings.GetUserAsync(interaction.Invoker!.Id.Value, cancellationToken));
        switch (PromptParser.Parse(prompt, promptOptions.For(backend)))
        {
            case PromptParseResult.Failure failure:
                await Replies.EphemeralAsync(rest, interaction, PromptErrors.Describe(failure.Error, l), cancellationToken);
                return;
            case PromptParseResult.Success parsed when await gate.AdmitAsync(interaction, prompt, parsed, backend, 0, cancellationToken, hold: false):
                await Replies.DeferAsync(rest, interaction, cancellationToken);
                var request = parsed.Jobs[0];
                var shortened = await ShortenedPrompt.OfAsync(_clip, request.Prompt, cancellationToken);
                await Replies.EditAsync(rest, interaction, Answer(l, shortened, request, PromptParser.ParametersAsTyped(prompt)), cancellationToken, shortened.Shorter.Count == 0 ? [] : [NumberedPrompts.Buttons(Prefix, shortened.Shorter.Count)]);
                return;
        }
    }

    /// <summary>1️⃣–5️⃣ imagine that line's prompt.</summary>
    public async Task PressAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (NumberedPrompts.Picked(interaction) is { } prompt)
        {
            await imagine.SubmitAsync(interaction, prompt, cancellationToken);
            return;
        }

        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.prompts_stale"), cancellationToken);
    }

    private static string Answer(Core.Localization.Localizer l, ShortenedPrompt shortened, ImagineRequest request, string parameters)
    {
        if (shortened.Shorter.Count == 0)
        {
            return l.Text("shorten.too_short");
        }

        var links = request.ImagePrompts.IsDefaultOrEmpty ? string.Empty : string.Join(' ', request.ImagePrompts.Select(static i => i.Url)) + " ";
        var tail = parameters.Length > 0 ? " " + parameters : string.Empty;
        var carried = string.Join(shortened.Separator, shortened.Parts.Select(p => shortened.Carries(p) ? $"**{p.Phrase}**" : p.Phrase));
        var weights = string.Join(", ", shortened.Parts.OrderByDescending(static p => p.Score).Select(static p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Phrase} {p.Score * 100:0}%")));
        var text = $"{l.Text("shorten.important")}\n{carried}\n\n{l.Text("shorten.options")}\n"
            + string.Join("\n", shortened.Shorter.Select((s, i) => NumberedPrompts.Line(i + 1, links + s + tail)));
        var withWeights = text + "\n" + l.Text("shorten.weights", ("weights", weights));
        return withWeights.Length <= 2000 ? withWeights : text;
    }
}
