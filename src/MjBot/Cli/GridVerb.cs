using MjBot.Hosting;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Cli;

/// <summary><c>mjbot grid a.png b.png c.png d.png -o out.png [--gutter N]</c>: composes one to four equal-size PNGs
/// into Midjourney's grid. For scripting and benchmarking.</summary>
internal static class GridVerb
{
    private const string Usage = "Usage: mjbot grid <a.png> [b.png] [c.png] [d.png] -o <out.png> [--gutter N]";

    public static int Run(string[] args, CliContext context)
    {
        if (!TryParseArguments(args, out var inputs, out var output, out var gutter))
        {
            context.Error.WriteLine(Usage);
            return MjBotCommandLine.UsageError;
        }

        var images = new List<RgbaImage>();
        foreach (var input in inputs)
        {
            if (!ImageFiles.TryRead(input, context, out var bytes, out var readError))
            {
                context.Error.WriteLine(readError);
                return MjBotCommandLine.InputRefused;
            }

            var decoded = PngDecoder.Decode(bytes);
            if (decoded is PngDecodeResult.Failure failure)
            {
                context.Error.WriteLine($"{input}: {failure.Error.Message}");
                return MjBotCommandLine.InputRefused;
            }

            images.Add(((PngDecodeResult.Success)decoded).Image.Pixels);
        }

        if (images.Any(i => i.Width != images[0].Width || i.Height != images[0].Height))
        {
            context.Error.WriteLine("The images must all be the same size: " + string.Join(", ", images.Select(static i => $"{i.Width}×{i.Height}")));
            return MjBotCommandLine.InputRefused;
        }

        var grid = ImageGrid.Compose(images, gutter);
        var png = PngEncoder.Encode(grid);
        var target = Path.GetFullPath(output, context.ContentRoot);
        try
        {
            File.WriteAllBytes(target, png);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"Cannot write {output}: {ex.Message}");
            return MjBotCommandLine.InputRefused;
        }

        context.Out.WriteLine($"Wrote {output}: {grid.Width}×{grid.Height}, {png.Length} bytes");
        return 0;
    }

    private static bool TryParseArguments(string[] args, out List<string> inputs, out string output, out int gutter)
    {
        inputs = [];
        output = string.Empty;
        gutter = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-o" or "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--gutter" when i + 1 < args.Length && int.TryParse(args[i + 1], out var g) && g is >= 0 and <= 256:
                    gutter = g;
                    i++;
                    break;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        return false;
                    }

                    inputs.Add(args[i]);
                    break;
            }
        }

        return inputs.Count is >= 1 and <= 4 && output.Length > 0;
    }
}
