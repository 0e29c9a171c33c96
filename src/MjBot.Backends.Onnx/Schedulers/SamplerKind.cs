namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>The samplers <c>--sampler</c> names.</summary>
public enum SamplerKind
{
    /// <summary><c>euler_a</c>: Euler Ancestral.</summary>
    EulerAncestral,

    /// <summary><c>euler</c>.</summary>
    Euler,

    /// <summary><c>dpmpp_2m_karras</c>: DPM-Solver++ 2M with Karras sigmas.</summary>
    DpmPlusPlus2MKarras,

    /// <summary><c>lms</c>: linear multistep, order 4.</summary>
    Lms,

    /// <summary><c>lcm</c>: latent consistency (1–8 steps, no guidance batch).</summary>
    Lcm,
}
