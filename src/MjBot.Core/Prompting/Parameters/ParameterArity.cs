namespace MjBot.Core.Prompting.Parameters;

/// <summary>How many of the tokens after a parameter's name belong to it; the rest are leftovers.</summary>
internal enum ParameterArity
{
    /// <summary>No value: every following token is left over.</summary>
    Flag,

    /// <summary>Exactly one value.</summary>
    Single,

    /// <summary>An optional number (<c>--niji</c>, <c>--niji 6</c>).</summary>
    OptionalNumber,

    /// <summary>One or more image links.</summary>
    LinkList,

    /// <summary>One or more image links, numeric style codes or <c>random</c>.</summary>
    SrefList,

    /// <summary>Zero or more profile codes.</summary>
    CodeList,

    /// <summary>Free text up to the next parameter (<c>--no</c>).</summary>
    FreeText,
}
