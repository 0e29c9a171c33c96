namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A model family's shape on ComfyUI and its defaults: the native side, whether sizes come from SDXL's
/// buckets, and the sampler settings its models are usually run with.</summary>
internal sealed record ModelFamily(string Name, int NativeSize, bool Buckets, int Steps, double Cfg, string Sampler, string Scheduler)
{
    public static readonly ModelFamily Sd15 = new("sd15", 512, Buckets: false, Steps: 25, Cfg: 7, "euler_ancestral", "normal");

    public static readonly ModelFamily Sdxl = new("sdxl", 1024, Buckets: true, Steps: 30, Cfg: 6, "dpmpp_2m", "karras");

    /// <summary>Flux: CFG 1 (ComfyUI's examples: "make sure you set CFG to 1.0"), guidance as a FluxGuidance node
    /// (3.5), a 16-channel empty latent; it reads no negative prompt.</summary>
    public static readonly ModelFamily Flux = new("flux", 1024, Buckets: true, Steps: 20, Cfg: 3.5, "euler", "simple");

    public static IReadOnlyList<ModelFamily> All { get; } = [Sd15, Sdxl, Flux];

    public bool IsFlux => ReferenceEquals(this, Flux);

    /// <summary>Gets whether a split model of this family reads two text encoders (SDXL's CLIP-L and CLIP-G, Flux's
    /// CLIP-L and T5), loaded by DualCLIPLoader with the family's name as its type.</summary>
    public bool TwoEncoders => IsFlux || ReferenceEquals(this, Sdxl);

    public static ModelFamily? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
