namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary><c>--sampler</c>'s values as KSampler's sampler and scheduler names (ComfyUI's comfy/samplers.py).</summary>
internal static class SamplerNames
{
    public static (string Sampler, string Scheduler)? Of(string? sampler) => sampler switch
    {
        "euler_a" => ("euler_ancestral", "normal"),
        "euler" => ("euler", "normal"),
        "dpmpp_2m_karras" => ("dpmpp_2m", "karras"),
        "lms" => ("lms", "normal"),
        "lcm" => ("lcm", "sgm_uniform"),
        _ => null,
    };
}
