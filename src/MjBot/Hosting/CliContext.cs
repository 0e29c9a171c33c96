namespace MjBot.Hosting;

/// <summary>What a CLI verb talks to: its output streams, the folder it reads appsettings.json from, and (for
/// tests) settings that override every other source. <c>Interactive</c> says the error stream is a terminal,
/// where progress bars redraw in place.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, string ContentRoot, IDictionary<string, string?>? Overrides = null, bool Interactive = false)
{
    public static CliContext FromProcess() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), Interactive: !Console.IsErrorRedirected);
}
