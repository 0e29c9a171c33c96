namespace MjBot.ModelHub;

/// <summary>Picks, from a repo's files, the diffusers ONNX export MjBot runs: the folder holding
/// <c>unet/model.onnx</c> (the repo's root, or a sub-folder such as <c>onnx/</c>), and in it only what the pipeline
/// reads — <c>model_index.json</c> (and <c>mjbot.json</c>, for repos made for MjBot); <c>text_encoder</c>, <c>text_encoder_2</c>, <c>unet</c>, <c>vae_decoder</c>,
/// <c>vae_encoder</c>: <c>model.onnx</c>, its external weights (<c>*.onnx_data</c>, <c>*.onnx.data</c>, <c>*.pb</c>)
/// and configs; <c>tokenizer</c>, <c>tokenizer_2</c>: vocab, merges and configs; <c>scheduler</c>: its config. Other
/// weight formats (safetensors, .bin, .ckpt), other ONNX variants, the safety checker, docs and samples are left.</summary>
internal static class ExportSelection
{
    private const string Unet = "unet/model.onnx";

    private static readonly string[] OnnxParts = ["text_encoder", "text_encoder_2", "unet", "vae_decoder", "vae_encoder"];
    private static readonly string[] TextParts = ["tokenizer", "tokenizer_2", "scheduler"];

    public static DownloadPlan Plan(HubRepository repository, string commit, IReadOnlyList<HubFile> files, IReadOnlyList<string> required)
    {
        var exports = files.Where(static f => f.Path == Unet || f.Path.EndsWith("/" + Unet, StringComparison.Ordinal))
            .Select(static f => f.Path[..^Unet.Length])
            .OrderBy(static p => p.Count(static c => c == '/'))
            .ThenBy(static p => p, StringComparer.Ordinal)
            .ToList();
        if (exports.Count == 0)
        {
            var hint = files.Any(static f => f.Path.EndsWith(".safetensors", StringComparison.Ordinal) || f.Path.EndsWith(".ckpt", StringComparison.Ordinal))
                ? " It holds PyTorch weights only: use a repo or branch with an ONNX export (the README's ONNX section lists some; older repos keep theirs on an \"onnx\" branch: owner/name@onnx), or convert it with Optimum (optimum-cli export onnx)."
                : string.Empty;
            throw new HubRequestException($"{repository} has no ONNX export: none of its {files.Count} files is unet/model.onnx.{hint}");
        }

        var folder = exports[0];
        var chosen = files.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal) && Needed(f.Path[folder.Length..]))
            .OrderBy(static f => f.Size)
            .ThenBy(static f => f.Path, StringComparer.Ordinal)
            .ToList();
        var missing = required.Where(r => !chosen.Any(f => f.Path == folder + r)).ToList();
        if (missing.Count > 0)
        {
            throw new HubRequestException($"{repository}'s export in {(folder.Length == 0 ? "the repo's root" : folder)} lacks {string.Join(", ", missing)}: it is not a complete diffusers ONNX export.");
        }

        var skipped = files.Except(chosen).ToList();
        return new DownloadPlan(repository, commit, chosen, folder, skipped.Count, skipped.Sum(static f => f.Size));
    }

    private static bool Needed(string path)
    {
        if (path is "model_index.json" or "mjbot.json")
        {
            return true;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var part = path[..slash];
        var name = path[(slash + 1)..];
        if (OnnxParts.Contains(part))
        {
            return name == "model.onnx" || name.EndsWith(".onnx_data", StringComparison.Ordinal) || name.EndsWith(".onnx.data", StringComparison.Ordinal)
                || name.EndsWith(".pb", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal);
        }

        return TextParts.Contains(part) && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal));
    }
}
