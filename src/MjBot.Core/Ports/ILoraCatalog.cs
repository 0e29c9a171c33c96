namespace MjBot.Core.Ports;

/// <summary>A backend that loads LoRA files (ComfyUI): a prompt's <c>--lora</c> naming another is refused when it is
/// given, listing the ones there are.</summary>
public interface ILoraCatalog
{
    /// <summary>Gets the LoRA names <c>--lora</c> may name now (file names without extensions), as last read from the
    /// engine: no command waits on a server to answer; null before the engine has answered (any well-formed name is
    /// accepted, and the job says if the engine lacks it).</summary>
    IReadOnlySet<string>? LoraNames { get; }
}
