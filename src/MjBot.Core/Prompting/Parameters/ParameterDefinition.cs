namespace MjBot.Core.Prompting.Parameters;

/// <summary>One parameter of the catalogue.</summary>
/// <param name="Name">The canonical long name, as <c>mjbot parse</c> prints it (e.g. <c>aspect</c>).</param>
/// <param name="Names">Every name a member may type, without the dashes; the first is the long one.</param>
/// <param name="Arity">How many tokens the parameter takes.</param>
/// <param name="Slot">What it sets: two parameters with one slot may not both be given (<c>--fast</c> and
/// <c>--relax</c>; <c>--style</c> and <c>--raw</c>).</param>
internal sealed record ParameterDefinition(string Name, string[] Names, ParameterArity Arity, string Slot)
{
    /// <summary>Gets the name used in messages: the long form, e.g. <c>--stylize</c>.</summary>
    public string Display => "--" + Names[0];
}
