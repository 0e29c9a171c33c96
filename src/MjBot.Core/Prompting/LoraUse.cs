namespace MjBot.Core.Prompting;

/// <summary>One <c>--lora name[:weight]</c>: a LoRA file the engine loads (its name without the extension) and how
/// strongly it applies (1 unless given; negative weights push away from it).</summary>
/// <param name="Name">The LoRA's name, as the engine lists it without the extension (<c>sub/name</c> in a subfolder).</param>
/// <param name="Weight">Its strength on the model and the text encoder.</param>
public sealed record LoraUse(string Name, double Weight)
{
    /// <summary>The strongest weight a member may give, either way.</summary>
    public const double MaxWeight = 5;

    /// <summary>The most LoRAs one prompt stacks.</summary>
    public const int MaxPerPrompt = 8;
}
