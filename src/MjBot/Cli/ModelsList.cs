using MjBot.Backends.Onnx;
using MjBot.Hosting;
using MjBot.ModelHub;

namespace MjBot.Cli;

/// <summary><c>mjbot models list</c>: every alias <c>--model</c> may name (configured, the default, the folders under
/// the model folder), the folder each points at, its family or what is wrong with it, where it was downloaded from, its
/// size; then unfinished downloads. Exit code 1 when the default model is not usable.</summary>
internal static class ModelsList
{
    public static int Run(string[] args, OnnxBackendOptions onnx, CliContext context)
    {
        if (args.Length > 0)
        {
            context.Error.WriteLine($"mjbot models list: \"{args[0]}\" is not understood; it takes no arguments.");
            return MjBotCommandLine.UsageError;
        }

        var rows = new List<string[]> { new[] { "ALIAS", "FAMILY", "SIZE", "SOURCE", "FOLDER" } };
        var notes = new List<string>();
        var defaultUsable = false;
        foreach (var alias in onnx.Aliases())
        {
            var folder = onnx.FolderOf(alias);
            var report = OnnxModelFolder.Describe(folder);
            var roles = new List<string>();
            if (alias == onnx.DefaultModel)
            {
                roles.Add("default");
                defaultUsable = report.FamilyKey is not null;
            }

            if (alias == onnx.InpaintAlias)
            {
                roles.Add("inpaint");
            }

            var name = roles.Count == 0 ? alias : $"{alias} ({string.Join(", ", roles)})";
            var source = report.Source is { } s ? $"{s.Repo}@{s.Revision}{(s.Commit is { } c ? " " + DownloadProgressBar.Short(c) : string.Empty)}" : "-";
            rows.Add([name, report.Family ?? "not usable", Directory.Exists(folder) ? ByteCounts.Format(SizeOf(folder)) : "-", source, folder]);
            if (report.Problems.Count > 0)
            {
                notes.Add($"{alias}: {string.Join("; ", report.Problems)}");
            }
        }

        Write(context.Out, rows);
        foreach (var note in notes)
        {
            context.Out.WriteLine("  " + note);
        }

        var staging = Path.Combine(onnx.ModelFolder, ModelsVerb.StagingFolder);
        if (Directory.Exists(staging))
        {
            foreach (var folder in Directory.EnumerateDirectories(staging).Order(StringComparer.Ordinal))
            {
                var what = ModelDownloader.ReadStagingNote(folder) is { } n ? $"{n.Repo}{(n.Revision == HubRepository.DefaultRevision ? string.Empty : "@" + n.Revision)}" : "an unknown repo";
                context.Out.WriteLine($"Unfinished download \"{Path.GetFileName(folder)}\" of {what}, {ByteCounts.Format(SizeOf(folder))} so far: run mjbot models add {what} --as {Path.GetFileName(folder)} to resume it, or delete {folder}.");
            }
        }

        return defaultUsable ? 0 : 1;
    }

    private static void Write(TextWriter writer, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))));
        }
    }

    private static long SizeOf(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(static f => f.Length);
}
