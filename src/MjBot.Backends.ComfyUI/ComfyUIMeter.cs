namespace MjBot.Backends.ComfyUI;

/// <summary>The name of the meter the ComfyUI backend's figures are on (the host exports it with its own).</summary>
public static class ComfyUIMeter
{
    public const string Name = "MjBot.ComfyUI";
}
