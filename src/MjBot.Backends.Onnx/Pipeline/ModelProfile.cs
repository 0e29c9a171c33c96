using System.Text.Json;
using MjBot.Backends.Onnx.Schedulers;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>What a model folder says about how to run it: first its family's defaults (SD 1.x: 512², 25 steps, guidance
/// 7.5; SD 2.x: 512², or 768² when it predicts v; SDXL: 1024², 30 steps, guidance 5), then the standard export files
/// where present (vae_decoder/config.json <c>scaling_factor</c>; scheduler/scheduler_config.json's β range,
/// <c>timestep_spacing</c>, <c>prediction_type</c>, and <c>LCMScheduler</c> as its class), then an optional
/// <c>mjbot.json</c> beside them, which MjBot's README documents:
/// <c>{"native_size": 512, "steps": 25, "guidance": 7.5, "sampler": "euler_a"}</c>. SD-Turbo and SDXL-Turbo need
/// <c>{"steps": 4, "guidance": 0, "timestep_spacing": "trailing"}</c>.</summary>
internal sealed record ModelProfile
{
    public ModelFamily Family { get; init; } = ModelFamily.Sd1;

    public PredictionType Prediction { get; init; } = PredictionType.Epsilon;

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

    /// <summary>Gets mjbot.json's <c>"family"</c>, or null.</summary>
    public static string? DeclaredFamily(string folder) =>
        Json(Path.Combine(folder, "mjbot.json")) is { } own ? Text(own, "family") : null;

    /// <summary>Reads the profile of a folder of <paramref name="family"/>; <paramref name="guidanceEmbedded"/> says the
    /// UNet takes LCM's <c>timestep_cond</c> (guidance goes in as an embedding, 8.5 by default).</summary>
    public static ModelProfile Read(string folder, ModelFamily family, bool guidanceEmbedded = false)
    {
        var profile = family == ModelFamily.Sdxl
            ? new ModelProfile { Family = family, NativeSize = 1024, Steps = 30, Guidance = 5, LatentScale = 0.13025 }
            : new ModelProfile { Family = family };
        if (Json(Path.Combine(folder, "vae_decoder", "config.json")) is { } vae && vae.TryGetProperty("scaling_factor", out var scale))
        {
            profile = profile with { LatentScale = scale.GetDouble() };
        }

        if (Json(Path.Combine(folder, "scheduler", "scheduler_config.json")) is { } scheduler)
        {
            var lcm = Text(scheduler, "_class_name") == "LCMScheduler";
            profile = profile with
            {
                Prediction = ParsePrediction(Text(scheduler, "prediction_type"), Path.Combine(folder, "scheduler", "scheduler_config.json")) ?? profile.Prediction,
                Sampler = lcm ? SamplerKind.Lcm : profile.Sampler,
                Steps = lcm ? 4 : profile.Steps,
                Guidance = lcm ? (guidanceEmbedded ? 8.5 : 1) : profile.Guidance,
                BetaStart = Number(scheduler, "beta_start") ?? profile.BetaStart,
                BetaEnd = Number(scheduler, "beta_end") ?? profile.BetaEnd,
                TrainSteps = (int)(Number(scheduler, "num_train_timesteps") ?? profile.TrainSteps),
                ScaledLinear = Text(scheduler, "beta_schedule") is not "linear",
                Spacing = ParseSpacing(Text(scheduler, "timestep_spacing")) ?? profile.Spacing,
            };
        }

        if (family == ModelFamily.Sd2 && profile.Prediction == PredictionType.VPrediction)
        {
            profile = profile with { NativeSize = 768 };
        }

        if (Json(Path.Combine(folder, "mjbot.json")) is { } own)
        {
            profile = profile with
            {
                Prediction = ParsePrediction(Text(own, "prediction_type"), Path.Combine(folder, "mjbot.json")) ?? profile.Prediction,
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

    private static PredictionType? ParsePrediction(string? name, string file) => name switch
    {
        null => null,
        "epsilon" => PredictionType.Epsilon,
        "v_prediction" => PredictionType.VPrediction,
        _ => throw new InvalidDataException($"{file}: prediction_type \"{name}\" is not supported; MjBot runs \"epsilon\" and \"v_prediction\" models."),
    };

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
