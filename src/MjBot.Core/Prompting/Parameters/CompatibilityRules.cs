using System.Globalization;

namespace MjBot.Core.Prompting.Parameters;

/// <summary>Rules between parameters: dependencies (<c>--sw</c> needs <c>--sref</c>) and what the explicitly
/// chosen <c>--v</c> or <c>--niji</c> allows. Version rules apply only when a version is typed (PROJECT): value
/// ranges elsewhere are the union across versions.</summary>
internal static class CompatibilityRules
{
    public static PromptError? Check(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots, bool hasDecimalWeights)
    {
        return Dependencies(p, slots)
            ?? Combinations(p, slots)
            ?? (p.Version is { } version ? ForVersion(p, slots, version, hasDecimalWeights) : null)
            ?? (p.Niji is { } niji ? ForNiji(p, slots, niji) : null);
    }

    private static PromptError? Dependencies(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots) =>
        Needs(slots, "sw", p.Sref.IsDefault, "--sref")
        ?? Needs(slots, "cw", p.Cref.IsDefault, "--cref")
        ?? Needs(slots, "ow", p.Oref is null, "--oref");

    private static PromptError? Needs(IReadOnlyDictionary<string, ParameterUse> slots, string slot, bool missing, string needed) =>
        missing && slots.TryGetValue(slot, out var use)
            ? PromptError.Of(PromptErrorCode.DependencyMissing, "prompt.needs", use.Position, ("parameter", use.Typed), ("needed", needed))
            : null;

    private static PromptError? Combinations(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots)
    {
        if (p.Niji is not null && p.Version is not null)
        {
            return Clash(slots, "niji", "`--version`");
        }

        if (p.Oref is not null && p.Draft == true)
        {
            return Clash(slots, "oref", "`--draft`");
        }

        return p.Oref is not null && p.Quality == 4 ? Clash(slots, "oref", "`--quality 4`") : null;
    }

    private static PromptError? ForVersion(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots, string versionText, bool hasDecimalWeights)
    {
        var v = double.Parse(versionText, CultureInfo.InvariantCulture);
        var against = $"`--version {versionText}`";
        var error =
            When(!p.Cref.IsDefault && v is not (6 or 6.1), slots, "cref", against)
            ?? When(p.Oref is not null && v != 7, slots, "oref", against)
            ?? When(p.Quality is not null && v >= 8, slots, "quality", against)
            ?? When(p.Stop is not null && v >= 7, slots, "stop", against)
            ?? When(p.Tile == true && v == 4, slots, "tile", against)
            ?? When(p.Speed == "turbo" && v >= 8, slots, "speed", against)
            ?? When(p.Hd == true && v is >= 4 and < 8, slots, "hd", against)
            ?? When(p.Draft == true && v is not (7 or 8.1 or 8.2), slots, "draft", against)
            ?? When(p.Weird is not null && v < 5, slots, "weird", against)
            ?? StyleForVersion(p, slots, v, against);
        if (error is not null)
        {
            return error;
        }

        if (hasDecimalWeights && v <= 3)
        {
            return PromptError.Of(PromptErrorCode.InvalidWeights, "prompt.whole_weights", null, ("with", "--version " + versionText));
        }

        var with = $"--version {versionText}";
        return (v == 3 ? Range(p.Stylize, slots, "stylize", "--stylize", 625, 60000, with) : null)
            ?? (v >= 5 ? Range(p.Stylize, slots, "stylize", "--stylize", 0, 1000, with) : null)
            ?? (v is >= 5 and < 6 ? Range(p.ImageWeight, slots, "iw", "--iw", 0, 2, with) : null)
            ?? (v is 6 or 6.1 ? Range(p.StyleVersion, slots, "sv", "--sv", 1, 4, with) : null)
            ?? (v == 7 ? QualityIn(p, slots, [1, 2, 4], "prompt.quality_v7", with) : null)
            ?? (v is >= 4 and < 7 ? QualityIn(p, slots, [0.25, 0.5, 1, 2], "prompt.quality_v4", with) : null);
    }

    private static PromptError? ForNiji(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots, string nijiText)
    {
        var n = nijiText == "latest" ? KnownValues.LatestNiji : double.Parse(nijiText, CultureInfo.InvariantCulture);
        var against = nijiText == "latest" ? "`--niji`" : $"`--niji {nijiText}`";
        var with = against.Trim('`');
        return When(!p.Cref.IsDefault && n != 6, slots, "cref", against)
            ?? When(p.Oref is not null, slots, "oref", against)
            ?? When(p.Stop is not null && n >= 7, slots, "stop", against)
            ?? When(p.Style is { } style && KnownValues.VersionFourStyles.Contains(style), slots, "style", against)
            ?? When(p.Style is { } s && KnownValues.NijiFiveStyles.Contains(s) && n != 5, slots, "style", against)
            ?? When(p.Style == "raw" && n < 6, slots, "style", against)
            ?? (n is 5 or 7 ? Range(p.ImageWeight, slots, "iw", "--iw", 0, 2, with) : null);
    }

    private static PromptError? StyleForVersion(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots, double v, string against) =>
        p.Style switch
        {
            "raw" when v < 5.1 => Clash(slots, "style", against),
            { } s when KnownValues.NijiFiveStyles.Contains(s) => Clash(slots, "style", against),
            { } s when KnownValues.VersionFourStyles.Contains(s) && v != 4 => Clash(slots, "style", against),
            _ => null,
        };

    private static PromptError? When(bool clash, IReadOnlyDictionary<string, ParameterUse> slots, string slot, string against) =>
        clash ? Clash(slots, slot, against) : null;

    private static PromptError Clash(IReadOnlyDictionary<string, ParameterUse> slots, string slot, string against)
    {
        var use = slots[slot];
        return PromptError.Of(PromptErrorCode.Incompatible, "prompt.incompatible", use.Position, ("parameter", use.Typed), ("other", against));
    }

    private static PromptError? Range(double? value, IReadOnlyDictionary<string, ParameterUse> slots, string slot, string display, double min, double max, string with) =>
        value is { } v && (v < min || v > max)
            ? PromptError.Of(PromptErrorCode.OutOfRange, "prompt.between_with", slots[slot].Position, ("parameter", display), ("min", ValueReader.Format(min)), ("max", ValueReader.Format(max)), ("with", with))
            : null;

    private static PromptError? QualityIn(ImagineParameters p, IReadOnlyDictionary<string, ParameterUse> slots, double[] allowed, string key, string with) =>
        p.Quality is { } q && !allowed.Contains(q)
            ? PromptError.Of(PromptErrorCode.OutOfRange, key, slots["quality"].Position, ("with", with))
            : null;
}
