using MjBot.Backends.Onnx;
using MjBot.Backends.Onnx.Tokenization;
using MjBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace MjBot.Cli;

/// <summary><c>mjbot tokenize "&lt;prompt&gt;" [--tokenizer &lt;folder&gt;]</c>: prints how CLIP reads the prompt as JSON
/// <c>{"ids": [77 ids], "count": content tokens before truncation, "truncated": bool}</c>. The default folder is the
/// configured default model's tokenizer/.</summary>
internal static class TokenizeVerb
{
    public static int Run(string[] args, CliContext context)
    {
        var words = new List<string>();
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--tokenizer" && i + 1 < args.Length)
            {
                folder = args[++i];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        if (words.Count == 0)
        {
            context.Error.WriteLine("Usage: mjbot tokenize \"<prompt>\" [--tokenizer <folder>]");
            return MjBotCommandLine.UsageError;
        }

        if (folder is null)
        {
            if (!ConfigurationLoader.TryLoad(context, out var configuration, out var problem))
            {
                context.Error.WriteLine(problem);
                return ConfigurationLoader.ConfigurationError;
            }

            var onnx = configuration.GetSection(OnnxBackendOptions.SectionName).Get<OnnxBackendOptions>() ?? new OnnxBackendOptions();
            onnx.ResolvePaths(context.ContentRoot);
            folder = Path.Combine(onnx.FolderOf(onnx.DefaultModel), "tokenizer");
        }

        ClipTokenizer tokenizer;
        try
        {
            tokenizer = ClipTokenizer.Load(Path.GetFullPath(folder, context.ContentRoot));
        }
        catch (InvalidDataException ex)
        {
            CliJson.Write(context.Error, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("error", ex.Message);
                writer.WriteEndObject();
            });
            return MjBotCommandLine.InputRefused;
        }

        var tokens = tokenizer.Encode(string.Join(' ', words));
        CliJson.Write(context.Out, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ids");
            foreach (var id in tokens.Ids)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", tokens.Count);
            writer.WriteBoolean("truncated", tokens.Truncated);
            writer.WriteEndObject();
        });
        return 0;
    }
}
