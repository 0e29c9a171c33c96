using MjBot.Hosting;
namespace MjBot.Cli;

/// <summary>The <c>mjbot</c> command line: no verb (or <c>run</c>) runs the bot; the other verbs are tools.</summary>
internal static class MjBotCommandLine
{
    public const int UsageError = 64;

    /// <summary>The input (a prompt, an image) was read and refused.</summary>
    public const int InputRefused = 2;

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var verb = args.Length == 0 ? "run" : args[0];
        return verb switch
        {
            "run" => await RunVerb.RunAsync(context),
            "parse" => ParseVerb.Run(args[1..], context),
            "doctor" => await DoctorVerb.RunAsync(context),
            "inspect" => InspectVerb.Run(args[1..], context),
            "grid" => GridVerb.Run(args[1..], context),
            "tokenize" => TokenizeVerb.Run(args[1..], context),
            "backup" => await BackupVerb.RunAsync(args[1..], context),
            "health" => await HealthVerb.RunAsync(args[1..], context),
            "models" => await ModelsVerb.RunAsync(args[1..], context),
            "help" or "--help" or "-h" => Help(context.Out, 0),
            _ => Unknown(verb, context),
        };
    }

    private static int Unknown(string verb, CliContext context)
    {
        context.Error.WriteLine($"mjbot: unknown command \"{verb}\".");
        return Help(context.Error, UsageError);
    }

    private static int Help(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            Usage: mjbot [command]
              run                 run the bot (the default)
              parse "<prompt>"    parse an /imagine prompt and print it as JSON
              doctor              check configuration and reachability, with a fix for each problem
              inspect <file.png>  print a PNG's header, text chunks (MjBot's recipe decoded) and pixel hash as JSON
              grid <a.png> [b.png c.png d.png] -o <out.png> [--gutter N]
                                  compose one to four equal-size PNGs into a grid
              tokenize "<prompt>" [--tokenizer <folder>]
                                  print the CLIP token ids of a prompt as JSON (default: the default model's tokenizer)
              backup <file>       copy the database online and consistently, with a manifest of its image files
              health [url]        ask a running MjBot's /healthz; exit 0 when healthy (the container's HEALTHCHECK)
              models add <owner/name>[@revision] [--as <alias>]
                                  download a Stable Diffusion ONNX export from the Hugging Face Hub into the model folder
              models list         show the installed models, their families and where each alias points
              help                show this text
            """);
        return exitCode;
    }
}
