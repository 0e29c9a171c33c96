namespace MjBot.Discord.Rest;

/// <summary>One field error from a 50035 Invalid Form Body answer.</summary>
/// <param name="Path">The field, dotted (<c>data.components.0.components.0.custom_id</c>); <c>(body)</c> for the
/// body as a whole.</param>
/// <param name="Code">Discord's error code for the field (e.g. <c>BASE_TYPE_REQUIRED</c>).</param>
/// <param name="Message">Discord's message.</param>
public sealed record DiscordFieldError(string Path, string Code, string Message);
