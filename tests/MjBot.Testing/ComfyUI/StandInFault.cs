namespace MjBot.Testing.ComfyUI;

/// <summary>A node failing in the stand-in, as a Python exception fails one in ComfyUI.</summary>
public sealed class StandInFault(string nodeId, string nodeType, string message, string exceptionType) : Exception(message)
{
    public string NodeId => nodeId;

    public string NodeType => nodeType;

    public string ExceptionType => exceptionType;
}
