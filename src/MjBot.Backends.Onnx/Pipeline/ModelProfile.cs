using System.Text.Json;
using MjBot.Backends.Onnx.Schedulers;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>What a model folder says about how to run it. Read from the standard export files where present
/// (vae_decoder/config.json <c>scaling_factor</c>; scheduler/scheduler_config.json's β range and
/// <c>timestep_spacing</c>) and from an optional <c>mjbot.json</c> beside them, which MjBot's README documents:
/// <c>{"native_size": 512, "steps": 25, "guidance": 7.5, "sampler": "euler_a"}</c>. SD 1.x defaults otherwise;
/// SD-Turbo needs <c>{"native_size": 512, "steps": 4, "guidance": 0, "timestep_spacing": "trailing"}</c>.</summary>
internal sealed record ModelProfile
{
    public double LatentScale { get; init; } = 0.18215;

    public int NativeSize { get; init; } = 512;

    public int Steps { get; init; } = 25;

    public double Guidance { get; init; } = 7.5;

    public SamplerKind Sampler { get; init; } = SamplerKind.EulerAncestral;

    public TimestepSpacing Spacing { get; init; } = TimestepSpacing.Linspace;

    public double BetaStart { get; init; } = 0.00085;

    public double BetaEnd { get; init; } = 0.012;

    public bool ScaledLinear { get; init; } = true;

    public int TrainSteps { get; init; } = 1000;

    /// <summary>Gets whether guidance is off (distilled models such as SD-Turbo).</summary>
    public bool GuidanceOff => Guidance <= 1;

    public NoiseSchedule Schedule() => new(BetaStart, BetaEnd, TrainSteps, ScaledLinear);

    public static ModelProfile Read(string folder)
    {
        var profile = new ModelProfile();
        if (Json(Path.Combine(folder, "vae_decoder", "config.json")) is { } vae && vae.TryGetProperty("scaling_factor", out var scale))
        {
            profile = profile with { LatentScale = scale.GetDouble() };
        }

        if (Json(Path.Combine(folder, "scheduler", "scheduler_config.json")) is { } scheduler)
        {
            profile = profile with
            {
                BetaStart = Number(scheduler, "beta_start") ?? profile.BetaStart,
                BetaEnd = Number(scheduler, "beta_end") ?? profile.BetaEnd,
                TrainSteps = (int)(Number(scheduler, "num_train_timesteps") ?? profile.TrainSteps),
                ScaledLinear = Text(scheduler, "beta_schedule") is not "linear",
                Spacing = ParseSpacing(Text(scheduler, "timestep_spacing")) ?? profile.Spacing,
            };
        }

        if (Json(Path.Combine(folder, "mjbot.json")) is { } own)
        {
            profile = profile with
            {
                NativeSize = (int)(Number(own, "native_size") ?? profile.NativeSize),
                Steps = (int)(Number(own, "steps") ?? profile.Steps),
                Guidance = Number(own, "guidance") ?? profile.Guidance,
                Sampler = SchedulerFactory.Parse(Text(own, "sampler")) ?? profile.Sampler,
                Spacing = ParseSpacing(Text(own, "timestep_spacing")) ?? profile.Spacing,
                LatentScale = Number(own, "latent_scale") ?? profile.LatentScale,
            };
        }

        return profile.NativeSize is < 64 or > 4096 || profile.NativeSize % 64 != 0 || profile.Steps is < 1 or > 150
            ? throw new InvalidDataException($"{Path.Combine(folder, "mjbot.json")}: native_size must be a multiple of 64 from 64 to 4096 and steps from 1 to 150.")
            : profile;
    }

    private static TimestepSpacing? ParseSpacing(string? name) => name switch
    {
        "linspace" => TimestepSpacing.Linspace,
        "leading" => TimestepSpacing.Leading,
        "trailing" => TimestepSpacing.Trailing,
        _ => null,
    };

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? Json(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }
}
