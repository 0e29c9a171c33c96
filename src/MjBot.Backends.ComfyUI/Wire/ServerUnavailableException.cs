namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A server did not answer as a working ComfyUI does (refused, timed out, a 5xx, a socket that closed): the
/// pool marks it unhealthy and the job goes to another server.</summary>
internal sealed class ServerUnavailableException : Exception
{
    public ServerUnavailableException()
    {
    }

    public ServerUnavailableException(string message)
        : base(message)
    {
    }

    public ServerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
