using System.Collections.Frozen;

namespace MjBot.Core.Prompting.Parameters;

/// <summary>Every parameter MjBot understands: Midjourney's set with its aliases, plus the local Stable
/// Diffusion extensions <c>--steps</c>, <c>--cfg</c>, <c>--sampler</c>, <c>--model</c> and <c>--lora</c>.</summary>
internal static class ParameterCatalog
{
    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        new("aspect", ["aspect", "ar"], ParameterArity.Single, "aspect"),
        new("stylize", ["stylize", "s"], ParameterArity.Single, "stylize"),
        new("chaos", ["chaos", "c"], ParameterArity.Single, "chaos"),
        new("no", ["no"], ParameterArity.FreeText, "no"),
        new("seed", ["seed"], ParameterArity.Single, "seed"),
        new("sameseed", ["sameseed"], ParameterArity.OptionalNumber, "sameseed"),
        new("sref", ["sref"], ParameterArity.SrefList, "sref"),
        new("sw", ["sw"], ParameterArity.Single, "sw"),
        new("sv", ["sv"], ParameterArity.Single, "sv"),
        new("cref", ["cref"], ParameterArity.LinkList, "cref"),
        new("cw", ["cw"], ParameterArity.Single, "cw"),
        new("oref", ["oref"], ParameterArity.Single, "oref"),
        new("ow", ["ow"], ParameterArity.Single, "ow"),
        new("iw", ["iw"], ParameterArity.Single, "iw"),
        new("version", ["version", "v"], ParameterArity.Single, "version"),
        new("niji", ["niji"], ParameterArity.OptionalNumber, "niji"),
        new("style", ["style"], ParameterArity.Single, "style"),
        new("raw", ["raw"], ParameterArity.Flag, "style"),
        new("quality", ["quality", "q"], ParameterArity.Single, "quality"),
        new("tile", ["tile"], ParameterArity.Flag, "tile"),
        new("transparent", ["transparent"], ParameterArity.Flag, "transparent"),
        new("weird", ["weird", "w"], ParameterArity.Single, "weird"),
        new("stop", ["stop"], ParameterArity.Single, "stop"),
        new("repeat", ["repeat", "r"], ParameterArity.Single, "repeat"),
        new("draft", ["draft"], ParameterArity.Flag, "draft"),
        new("fast", ["fast"], ParameterArity.Flag, "speed"),
        new("relax", ["relax"], ParameterArity.Flag, "speed"),
        new("turbo", ["turbo"], ParameterArity.Flag, "speed"),
        new("stealth", ["stealth"], ParameterArity.Flag, "visibility"),
        new("public", ["public"], ParameterArity.Flag, "visibility"),
        new("hd", ["hd"], ParameterArity.Flag, "hd"),
        new("personalize", ["personalize", "p", "profile"], ParameterArity.CodeList, "personalize"),
        new("exp", ["exp"], ParameterArity.Single, "exp"),
        new("steps", ["steps"], ParameterArity.Single, "steps"),
        new("cfg", ["cfg"], ParameterArity.Single, "cfg"),
        new("sampler", ["sampler"], ParameterArity.Single, "sampler"),
        new("model", ["model"], ParameterArity.Single, "model"),
        new("lora", ["lora"], ParameterArity.Single, "lora"),
    ];

    private static readonly FrozenDictionary<string, ParameterDefinition> ByTypedName =
        All.SelectMany(definition => definition.Names.Select(name => (name, definition)))
           .ToFrozenDictionary(pair => pair.name, pair => pair.definition, StringComparer.Ordinal);

    /// <summary>Finds a parameter by the name typed after the dashes. Names are case-sensitive: <c>--AR</c> is
    /// not <c>--ar</c>, as in Midjourney.</summary>
    public static ParameterDefinition? Find(string typedName) => ByTypedName.GetValueOrDefault(typedName);
}
