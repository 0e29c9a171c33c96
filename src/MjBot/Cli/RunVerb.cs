using MjBot.Hosting;

namespace MjBot.Cli;

/// <summary>Runs the bot (see <see cref="MjBotHost"/>).</summary>
internal static class RunVerb
{
    public static Task<int> RunAsync(CliContext context) => MjBotHost.RunAsync(context);
}
