using MjBot.Cli;

return await MjBotCommandLine.RunAsync(args, CliContext.FromProcess());
