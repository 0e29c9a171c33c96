namespace MjBot.Hosting;

/// <summary>What a CLI verb talks to: its output streams, the folder it reads appsettings.json from, and (for
/// tests) settings that override every other source.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string ContentRoot, IDictionary<string, string?>? Overrides = null)
{
    public static CliContext FromProcess() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory());
}
