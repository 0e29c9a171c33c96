namespace MjBot.Discord.Models;

/// <summary>How the bot answers an interaction.</summary>
public enum InteractionCallbackType
{
    /// <summary>Reply with a message.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking…": reply later by editing the original.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>Acknowledge a component; edit the message later.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>Edit the message the component is on.</summary>
    UpdateMessage = 7,

    /// <summary>Autocomplete choices.</summary>
    ApplicationCommandAutocompleteResult = 8,

    /// <summary>Open a modal.</summary>
    Modal = 9,
}
