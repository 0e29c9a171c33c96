using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
using MjBot.Configuration;
using MjBot.Handlers;
using MjBot.Core.Prompting;
using MjBot.Hosting;

namespace MjBot.Cli;

/// <summary><c>mjbot parse "&lt;prompt&gt;"</c>: prints the parsed prompt as JSON; exit code 2 when the prompt is refused.</summary>
internal static class ParseVerb
{
    public static int Run(string[] args, CliContext context)
    {
        if (args.Length == 0)
        {
            context.Error.WriteLine("Usage: mjbot parse \"<prompt>\"");
            return MjBotCommandLine.UsageError;
        }

        if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
        {
            context.Error.WriteLine(problem);
            return ConfigurationLoader.ConfigurationError;
        }

        using var services = ConfigurationLoader.BuildOptionsServices(configuration, context.ContentRoot);

        // Only the sections the grammar uses are checked: a missing bot token does not stop a prompt check.
        var problems = ConfigurationProblems.Find(services, [QueueOptions.SectionName, BackendsOptions.SectionName, OnnxBackendOptions.SectionName]);
        if (problems.Count > 0)
        {
            context.Error.Write(ConfigurationLoader.CreateRedactor(configuration).Redact(ConfigurationProblemReport.Format(problems)));
            return ConfigurationLoader.ConfigurationError;
        }

        var result = PromptParser.Parse(string.Join(' ', args), CreateParserOptions(services));
        CliJson.Write(context.Out, writer => ImagineRequestJson.WriteResult(writer, result));
        return result is PromptParseResult.Failure ? MjBotCommandLine.InputRefused : 0;
    }

    // As /imagine parses on the default backend: the ONNX backend's aliases when that is the default.
    private static PromptParserOptions CreateParserOptions(IServiceProvider services)
    {
        var backends = services.GetRequiredService<IOptions<BackendsOptions>>().Value;
        var aliases = backends.Default == OnnxImageBackend.BackendName ? services.GetRequiredService<IOptions<OnnxBackendOptions>>().Value.Aliases() : null;
        return PromptOptions.Create(services.GetRequiredService<IOptions<QueueOptions>>().Value, aliases);
    }
}
