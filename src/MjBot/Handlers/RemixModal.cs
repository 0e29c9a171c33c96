using MjBot.Core.Jobs;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Handlers;

/// <summary>Remix mode: V, Vary and 🔄 first open a modal holding the prompt to edit; submitting it starts the job
/// with the edited prompt.</summary>
internal static class RemixModal
{
    public const string PromptInput = "prompt";

    public static Task ShowAsync(DiscordRestClient rest, Interaction interaction, ButtonAction action, Job parent, int index, CancellationToken cancellationToken) =>
        rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.Modal, new InteractionCallbackData
        {
            CustomId = CustomIds.Modal(action.Code, parent.Id, index),
            Title = interaction.MemberLanguage().Text("remix.title"),
            Components =
            [
                new Component(18)
                {
                    Label = interaction.MemberLanguage().Text("remix.label"),
                    Child = new Component(4) { CustomId = PromptInput, Style = 2, Value = parent.Prompt.Length > 4000 ? parent.Prompt[..4000] : parent.Prompt, MaxLength = 4000, Required = true },
                },
            ],
        }), cancellationToken);

    /// <summary>The text the member submitted, from a label-wrapped or row-wrapped text input.</summary>
    public static string? Submitted(Interaction interaction)
    {
        foreach (var component in interaction.Data?.Components ?? [])
        {
            foreach (var input in component.Child is { } child ? [child] : component.Components ?? [])
            {
                if (input.CustomId == PromptInput)
                {
                    return input.Value;
                }
            }
        }

        return null;
    }
}
