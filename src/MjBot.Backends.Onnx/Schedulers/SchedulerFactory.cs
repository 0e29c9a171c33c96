namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>Makes the scheduler for a sampler: Euler-type samplers use the model's spacing (SD-Turbo: trailing).</summary>
internal static class SchedulerFactory
{
    public static DiffusionScheduler Create(SamplerKind sampler, NoiseSchedule schedule, int steps, TimestepSpacing spacing) => sampler switch
    {
        SamplerKind.EulerAncestral => new EulerScheduler(schedule, steps, spacing, ancestral: true),
        SamplerKind.Euler => new EulerScheduler(schedule, steps, spacing, ancestral: false),
        SamplerKind.Lms => new LmsScheduler(schedule, steps, spacing),
        SamplerKind.DpmPlusPlus2MKarras => new DpmSolverScheduler(schedule, steps),
        SamplerKind.Lcm => new LcmScheduler(schedule, Math.Min(steps, 50)),
        _ => throw new ArgumentOutOfRangeException(nameof(sampler), sampler, "Unknown sampler."),
    };

    /// <summary>Reads <c>--sampler</c>'s value.</summary>
    public static SamplerKind? Parse(string? name) => name switch
    {
        "euler_a" => SamplerKind.EulerAncestral,
        "euler" => SamplerKind.Euler,
        "dpmpp_2m_karras" => SamplerKind.DpmPlusPlus2MKarras,
        "lms" => SamplerKind.Lms,
        "lcm" => SamplerKind.Lcm,
        _ => null,
    };
}
