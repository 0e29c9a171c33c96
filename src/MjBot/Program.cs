using MjBot.Cli;
using MjBot.Hosting;

return await MjBotCommandLine.RunAsync(args, CliContext.FromProcess());
