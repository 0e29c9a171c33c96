using Microsoft.Extensions.Options;
using MjBot.Backends.ComfyUI.Graphs;

namespace MjBot.Backends.ComfyUI;

/// <summary>Checks <c>Backends:ComfyUI</c> at start: server addresses, each alias's family and files, the default and
/// inpainting aliases, the sampling mode and the timings. Each problem names its key.</summary>
internal sealed class ComfyUIOptionsValidator : IValidateOptions<ComfyUIOptions>
{
    public ValidateOptionsResult Validate(string? name, ComfyUIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Key = ComfyUIOptions.SectionName;
        for (var i = 0; i < options.Servers.Count; i++)
        {
            var server = options.Servers[i];
            if (!Uri.TryCreate(server.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"{Key}:Servers:{i}:Url is \"{server.Url}\": use an http:// or https:// address such as http://comfyui:8188.");
            }

            if (string.IsNullOrWhiteSpace(server.HeaderName) != string.IsNullOrWhiteSpace(server.HeaderValue))
            {
                problems.Add($"{Key}:Servers:{i}: set both HeaderName and HeaderValue, or neither.");
            }
        }

        if (options.Servers.Count > 0 && !options.Models.ContainsKey(options.DefaultModel))
        {
            problems.Add($"{Key}:DefaultModel is \"{options.DefaultModel}\", which {Key}:Models does not configure.");
        }

        foreach (var (alias, model) in options.Models)
        {
            if (ModelFamily.Named(model.Family) is not { } family)
            {
                problems.Add($"{Key}:Models:{alias}:Family is \"{model.Family}\": use sd15, sdxl or flux.");
                continue;
            }

            var split = !string.IsNullOrWhiteSpace(model.Unet);
            if (string.IsNullOrWhiteSpace(model.Checkpoint) && !split)
            {
                problems.Add($"{Key}:Models:{alias}: set Checkpoint, or Unet with Clip and Vae.");
            }
            else if (string.IsNullOrWhiteSpace(model.Checkpoint) && (string.IsNullOrWhiteSpace(model.Clip) || string.IsNullOrWhiteSpace(model.Vae) || (family.TwoEncoders && string.IsNullOrWhiteSpace(model.Clip2))))
            {
                var second = family.IsFlux ? ", Clip2 (T5)" : family.TwoEncoders ? ", Clip2 (CLIP-G)" : string.Empty;
                problems.Add($"{Key}:Models:{alias}: a split model needs Clip{second} and Vae beside Unet.");
            }

            if (model.Steps is < 0 or > 150)
            {
                problems.Add($"{Key}:Models:{alias}:Steps is {model.Steps}: use 1–150 (0 takes the family's).");
            }
        }

        if (options.InpaintAlias is { } inpaint && !options.Models.ContainsKey(inpaint))
        {
            problems.Add($"{Key}:InpaintModel is \"{inpaint}\", which {Key}:Models does not configure.");
        }

        if (options.Sampling is not ("per-image" or "batch"))
        {
            problems.Add($"{Key}:Sampling is \"{options.Sampling}\": use per-image or batch.");
        }

        if (options.VariationStrength is <= 0 or > 1)
        {
            problems.Add($"{Key}:VariationStrength is {options.VariationStrength}: use a value above 0 and at most 1.");
        }

        foreach (var (setting, value, min, max) in new[] { ("HealthSeconds", options.HealthSeconds, 1, 3600), ("StallSeconds", options.StallSeconds, 5, 3600), ("TimeoutMinutes", options.TimeoutMinutes, 1, 24 * 60) })
        {
            if (value < min || value > max)
            {
                problems.Add($"{Key}:{setting} is {value}: use {min}–{max}.");
            }
        }

        problems.AddRange(Workflows.WorkflowSet.Load(options.WorkflowFolder).Problems.Select(static p => $"{Key}:WorkflowFolder: {p}"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
