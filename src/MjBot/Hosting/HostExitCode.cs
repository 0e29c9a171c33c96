namespace MjBot.Hosting;

/// <summary>The exit code the host ends with: 0 after a normal stop, 78 when configuration (the token, the intents)
/// was refused, 69 when a needed service (an image backend) is unavailable.</summary>
internal sealed class HostExitCode
{
    public const int Configuration = 78;
    public const int Unavailable = 69;

    public int Value { get; private set; }

    public void Set(int code)
    {
        if (Value == 0)
        {
            Value = code;
        }
    }
}
