using System.Collections.Immutable;

namespace MjBot.Core.Prompting;

/// <summary>The parameters of one prompt under their canonical long names. A property is
/// <see langword="null"/> (or a default array) when the member did not give that parameter, so a backend
/// can tell "given" from "default".</summary>
public sealed record ImagineParameters
{
    /// <summary>Gets the empty parameter set.</summary>
    public static ImagineParameters None { get; } = new();

    /// <summary>Gets <c>--ar</c>/<c>--aspect</c>.</summary>
    public AspectRatio? Aspect { get; init; }

    /// <summary>Gets <c>--s</c>/<c>--stylize</c>.</summary>
    public int? Stylize { get; init; }

    /// <summary>Gets <c>--c</c>/<c>--chaos</c>.</summary>
    public int? Chaos { get; init; }

    /// <summary>Gets the merged <c>--no</c> terms (split on commas, trimmed, empties dropped).</summary>
    public ImmutableArray<string> No { get; init; }

    /// <summary>Gets <c>--seed</c> (or the value of <c>--sameseed N</c>).</summary>
    public uint? Seed { get; init; }

    /// <summary>Gets whether <c>--sameseed</c> was given.</summary>
    public bool? SameSeed { get; init; }

    /// <summary>Gets <c>--sref</c> values: image links, numeric style codes or <c>random</c>.</summary>
    public ImmutableArray<string> Sref { get; init; }

    /// <summary>Gets one weight per <c>--sref</c> value, only when some value had a <c>::weight</c>.</summary>
    public ImmutableArray<double> SrefWeights { get; init; }

    /// <summary>Gets <c>--sw</c>.</summary>
    public int? StyleWeight { get; init; }

    /// <summary>Gets <c>--sv</c>.</summary>
    public int? StyleVersion { get; init; }

    /// <summary>Gets <c>--cref</c> links.</summary>
    public ImmutableArray<string> Cref { get; init; }

    /// <summary>Gets <c>--cw</c>.</summary>
    public int? CharacterWeight { get; init; }

    /// <summary>Gets <c>--oref</c>.</summary>
    public string? Oref { get; init; }

    /// <summary>Gets <c>--ow</c>.</summary>
    public int? OmniWeight { get; init; }

    /// <summary>Gets <c>--iw</c>.</summary>
    public double? ImageWeight { get; init; }

    /// <summary>Gets <c>--v</c>/<c>--version</c> in canonical form (e.g. <c>7</c>, <c>8.1</c>).</summary>
    public string? Version { get; init; }

    /// <summary>Gets <c>--niji</c>: a version, or <c>latest</c> when bare.</summary>
    public string? Niji { get; init; }

    /// <summary>Gets <c>--style</c>; <c>--raw</c> sets it to <c>raw</c>.</summary>
    public string? Style { get; init; }

    /// <summary>Gets <c>--q</c>/<c>--quality</c>.</summary>
    public double? Quality { get; init; }

    /// <summary>Gets whether <c>--tile</c> was given.</summary>
    public bool? Tile { get; init; }

    /// <summary>Gets whether <c>--transparent</c> (MjBot's own) was given: a transparent background where the model
    /// can make one.</summary>
    public bool? Transparent { get; init; }

    /// <summary>Gets <c>--w</c>/<c>--weird</c>.</summary>
    public int? Weird { get; init; }

    /// <summary>Gets <c>--stop</c>.</summary>
    public int? Stop { get; init; }

    /// <summary>Gets <c>--r</c>/<c>--repeat</c>.</summary>
    public int? Repeat { get; init; }

    /// <summary>Gets whether <c>--draft</c> was given.</summary>
    public bool? Draft { get; init; }

    /// <summary>Gets the speed flag: <c>fast</c>, <c>relax</c> or <c>turbo</c>.</summary>
    public string? Speed { get; init; }

    /// <summary>Gets the visibility flag: <c>stealth</c> or <c>public</c>.</summary>
    public string? Visibility { get; init; }

    /// <summary>Gets whether <c>--hd</c> was given.</summary>
    public bool? Hd { get; init; }

    /// <summary>Gets <c>--p</c> codes; empty when <c>--p</c> was bare.</summary>
    public ImmutableArray<string> Personalize { get; init; }

    /// <summary>Gets <c>--exp</c>.</summary>
    public int? Exp { get; init; }

    /// <summary>Gets <c>--steps</c> (local Stable Diffusion).</summary>
    public int? Steps { get; init; }

    /// <summary>Gets <c>--cfg</c> (local Stable Diffusion guidance scale).</summary>
    public double? Cfg { get; init; }

    /// <summary>Gets <c>--sampler</c> (local Stable Diffusion scheduler).</summary>
    public string? Sampler { get; init; }

    /// <summary>Gets <c>--model</c>: a model alias from configuration.</summary>
    public string? Model { get; init; }

    /// <summary>Gets each <c>--lora name[:weight]</c>, in the order given (engines that load LoRA files).</summary>
    public ImmutableArray<LoraUse> Lora { get; init; }
}
