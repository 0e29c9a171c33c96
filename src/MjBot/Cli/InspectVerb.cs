using System.Security.Cryptography;
using System.Text.Json;
using MjBot.Hosting;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Cli;

/// <summary><c>mjbot inspect &lt;file.png&gt;</c>: the header, the text chunks (MjBot's recipe decoded into fields) and the
/// SHA-256 of the decoded 8-bit RGBA pixels, as JSON. Exit code 2 with <c>{"error": …}</c> when the file is refused.</summary>
internal static class InspectVerb
{
    public static int Run(string[] args, CliContext context)
    {
        if (args.Length != 1)
        {
            context.Error.WriteLine("Usage: mjbot inspect <file.png>");
            return MjBotCommandLine.UsageError;
        }

        if (!ImageFiles.TryRead(args[0], context, out var bytes, out var readError))
        {
            return WriteError(context, readError);
        }

        return PngDecoder.Decode(bytes) switch
        {
            PngDecodeResult.Success success => WriteImage(context, success.Image),
            PngDecodeResult.Failure failure => WriteError(context, $"{Path.GetFileName(args[0])}: {failure.Error.Message}"),
            _ => throw new InvalidOperationException("Unknown decode result."),
        };
    }

    private static int WriteImage(CliContext context, PngImage image)
    {
        CliJson.Write(context.Out, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("width", image.Header.Width);
            writer.WriteNumber("height", image.Header.Height);
            writer.WriteNumber("color_type", (int)image.Header.ColorType);
            writer.WriteNumber("bit_depth", image.Header.BitDepth);
            writer.WriteBoolean("interlaced", image.Header.Interlaced);
            writer.WriteStartArray("text");
            foreach (var chunk in image.Text)
            {
                writer.WriteStartObject();
                writer.WriteString("type", chunk.ChunkType);
                writer.WriteString("keyword", chunk.Keyword);
                writer.WriteString("text", chunk.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (image.Text.FirstOrDefault(static t => t.Keyword == ImageRecipe.Keyword) is { } chunkWithRecipe
                && ImageRecipe.TryParse(chunkWithRecipe.Text) is { } recipe)
            {
                WriteRecipe(writer, recipe);
            }

            writer.WriteString("rgba_sha256", Convert.ToHexStringLower(SHA256.HashData(image.Pixels.Pixels)));
            writer.WriteEndObject();
        });
        return 0;
    }

    private static void WriteRecipe(Utf8JsonWriter writer, ImageRecipe recipe)
    {
        writer.WriteStartObject("parameters");
        writer.WriteString("prompt", recipe.Prompt);
        writer.WriteString("negative_prompt", recipe.NegativePrompt);
        writer.WriteString("parameters", recipe.Parameters);
        if (recipe.Seed is { } seed)
        {
            writer.WriteNumber("seed", seed);
        }

        writer.WriteString("backend", recipe.Backend);
        writer.WriteString("model", recipe.Model);
        writer.WriteString("job_id", recipe.JobId);
        writer.WriteEndObject();
    }

    private static int WriteError(CliContext context, string message)
    {
        CliJson.Write(context.Out, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });
        return MjBotCommandLine.InputRefused;
    }
}
