namespace MjBot.Discord.Models;

/// <summary>Interaction types.</summary>
public enum InteractionType
{
    /// <summary>A ping (HTTP interactions only).</summary>
    Ping = 1,

    /// <summary>A slash command.</summary>
    ApplicationCommand = 2,

    /// <summary>A button press or select choice.</summary>
    MessageComponent = 3,

    /// <summary>An autocomplete request.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>A submitted modal.</summary>
    ModalSubmit = 5,
}
