namespace MjBot.Discord.Models;

/// <summary>A message or modal component: action row (1), button (2), string select (3), text input (4) or label
/// (18). One record for all of them, as Discord's JSON is.</summary>
/// <param name="Type">The component type.</param>
public sealed record Component(int Type)
{
    /// <summary>Gets the custom id (≤ 100 characters): MjBot's <c>action:job:index</c>.</summary>
    public string? CustomId { get; init; }

    /// <summary>Gets a button's style (1–5; 5 is a link) or a text input's (1 short, 2 paragraph).</summary>
    public int? Style { get; init; }

    /// <summary>Gets a button's or a label's text.</summary>
    public string? Label { get; init; }

    /// <summary>Gets a button's emoji.</summary>
    public Emoji? Emoji { get; init; }

    /// <summary>Gets a link button's address.</summary>
    public string? Url { get; init; }

    /// <summary>Gets whether the component is shown disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Gets an action row's children.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Gets a label's child (JSON <c>component</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("component")]
    public Component? Child { get; init; }

    /// <summary>Gets a select menu's options.</summary>
    public IReadOnlyList<SelectOption>? Options { get; init; }

    /// <summary>Gets a select's or text input's placeholder.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Gets a select's minimum number of choices.</summary>
    public int? MinValues { get; init; }

    /// <summary>Gets a select's maximum number of choices.</summary>
    public int? MaxValues { get; init; }

    /// <summary>Gets a text input's minimum length.</summary>
    public int? MinLength { get; init; }

    /// <summary>Gets a text input's maximum length.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Gets whether a text input must be filled in.</summary>
    public bool? Required { get; init; }

    /// <summary>Gets a text input's value (submitted, or prefilled).</summary>
    public string? Value { get; init; }

    /// <summary>Gets a label's description.</summary>
    public string? Description { get; init; }
}
