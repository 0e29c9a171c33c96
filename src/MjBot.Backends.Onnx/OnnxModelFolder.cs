using System.Text.Json;
using System.Text.Json.Nodes;
using MjBot.Backends.Onnx.Pipeline;

namespace MjBot.Backends.Onnx;

/// <summary>What <c>mjbot models</c> needs to know about a model folder without running it: whether it is complete,
/// its family, where it came from; and the <c>mjbot.json</c> it writes for a downloaded one.</summary>
public static class OnnxModelFolder
{
    public const string SettingsFile = "mjbot.json";

    /// <summary>Gets the files every model folder holds, relative to it with <c>/</c>.</summary>
    public static IReadOnlyList<string> RequiredFiles => StableDiffusionModel.RequiredFiles;

    /// <summary>Describes <paramref name="folder"/> from its files (the UNet's inputs, the configs); nothing is loaded.</summary>
    public static ModelFolderReport Describe(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = StableDiffusionModel.Problems(folder);
        if (problems.Count > 0)
        {
            return new ModelFolderReport(null, null, problems, Source(folder));
        }

        try
        {
            var family = StableDiffusionModel.Describe(folder);
            return new ModelFolderReport(FamilyKey(family), ModelFamilyRules.Name(family), [], Source(folder));
        }
        catch (InvalidDataException ex)
        {
            return new ModelFolderReport(null, null, [ex.Message], Source(folder));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ModelFolderReport(null, null, [$"unet/model.onnx cannot be read ({ex.Message})"], Source(folder));
        }
    }

    /// <summary>Writes (or updates) <c>mjbot.json</c> in a folder that <see cref="Describe"/> found complete: its
    /// <c>"family"</c>, where it came from (<c>"source"</c>: repo, revision, commit), and for distilled Turbo models the
    /// settings they need (512², 4 steps, no guidance, trailing timesteps) unless the file sets them already. LCM models need
    /// nothing: their scheduler config says so.</summary>
    /// <returns>The settings written, as JSON.</returns>
    public static string WriteSettings(string folder, string familyKey, bool distilled, string repo, string revision, string commit)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, SettingsFile);
        var settings = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        settings["family"] = familyKey;
        if (distilled)
        {
            // SD-Turbo and SDXL-Turbo were both trained at 512².
            settings["native_size"] ??= 512;
            settings["steps"] ??= 4;
            settings["guidance"] ??= 0;
            settings["timestep_spacing"] ??= "trailing";
        }

        settings["source"] = new JsonObject { ["repo"] = repo, ["revision"] = revision, ["commit"] = commit };
        var text = settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(path, text + Environment.NewLine);
        return text;
    }

    private static string FamilyKey(ModelFamily family) => family switch
    {
        ModelFamily.Sd1 => "sd1",
        ModelFamily.Sd2 => "sd2",
        _ => "sdxl",
    };

    private static ModelSource? Source(string folder)
    {
        var path = Path.Combine(folder, SettingsFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["source"] is JsonObject source
                && source["repo"]?.GetValue<string>() is { } repo
                ? new ModelSource(repo, source["revision"]?.GetValue<string>() ?? "main", source["commit"]?.GetValue<string>())
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Describe reports a broken mjbot.json through the family check; the source is simply unknown.
            return null;
        }
    }
}
