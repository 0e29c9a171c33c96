using System.Collections.Immutable;
using MjBot.Core.Prompting.Grammar;
using MjBot.Core.Prompting.Scanning;

namespace MjBot.Core.Prompting.Parameters;

/// <summary>Turns the typed parameters of one prompt into <see cref="ImagineParameters"/>, one at a time,
/// refusing duplicates (other than <c>--no</c>, which merges) and bad values.</summary>
internal sealed class ParameterBinder(PromptParserOptions options)
{
    private readonly Dictionary<string, ParameterUse> _slots = new(4, StringComparer.Ordinal);

    public ImagineParameters Parameters { get; private set; } = ImagineParameters.None;

    /// <summary>Gets where each slot was set, for errors that point at a parameter.</summary>
    public IReadOnlyDictionary<string, ParameterUse> Slots => _slots;

    public PromptError? Bind(RawParameter raw, ParameterDefinition definition, IReadOnlyList<ScannedToken> values)
    {
        if (definition.Slot is not ("no" or "lora") && Claim(definition.Slot, raw) is { } duplicate)
        {
            return duplicate;
        }

        if (values.Count == 0 && definition.Arity is ParameterArity.Single or ParameterArity.LinkList
                or ParameterArity.SrefList or ParameterArity.FreeText)
        {
            return PromptError.Of(PromptErrorCode.MissingValue, "prompt.missing_value", raw.Position, ("parameter", raw.Typed));
        }

        var p = Parameters;
        PromptError? error = null;
        switch (definition.Name)
        {
            case "aspect": error = BindAspect(values[0], out var aspect); p = p with { Aspect = aspect }; break;
            case "stylize": error = ValueReader.Integer(definition, values[0], 0, 60000, out var n1); p = p with { Stylize = (int)n1 }; break;
            case "chaos": error = ValueReader.Integer(definition, values[0], 0, 100, out var n2); p = p with { Chaos = (int)n2 }; break;
            case "no": p = p with { No = MergeNegatives(p.No, values) }; break;
            case "seed": error = ValueReader.Integer(definition, values[0], 0, uint.MaxValue, out var n3); p = p with { Seed = (uint)n3 }; break;
            case "sameseed": error = BindSameSeed(raw, definition, values, ref p); break;
            case "sref": error = BindSref(definition, values, ref p); break;
            case "sw": error = ValueReader.Integer(definition, values[0], 0, 1000, out var n4); p = p with { StyleWeight = (int)n4 }; break;
            case "sv": error = ValueReader.Integer(definition, values[0], 1, 6, out var n5); p = p with { StyleVersion = (int)n5 }; break;
            case "cref": error = BindLinks(values, out var cref); p = p with { Cref = cref }; break;
            case "cw": error = ValueReader.Integer(definition, values[0], 0, 100, out var n6); p = p with { CharacterWeight = (int)n6 }; break;
            case "oref": error = BindLinks(values, out var oref); p = p with { Oref = oref.IsDefaultOrEmpty ? null : oref[0] }; break;
            case "ow": error = ValueReader.Integer(definition, values[0], 0, 1000, out var n7); p = p with { OmniWeight = (int)n7 }; break;
            case "iw": error = ValueReader.Decimal(definition, values[0], 0, 3, out var iw); p = p with { ImageWeight = iw }; break;
            case "version": error = ValueReader.OneOf(definition, values[0], KnownValues.Versions, out var version); p = p with { Version = version }; break;
            case "niji": error = BindNiji(definition, values, ref p); break;
            case "style": error = BindStyle(definition, values[0], ref p); break;
            case "raw": p = p with { Style = "raw" }; break;
            case "quality": error = BindQuality(definition, values[0], ref p); break;
            case "tile": p = p with { Tile = true }; break;
            case "transparent": p = p with { Transparent = true }; break;
            case "weird": error = ValueReader.Integer(definition, values[0], 0, 3000, out var n8); p = p with { Weird = (int)n8 }; break;
            case "stop": error = ValueReader.Integer(definition, values[0], 10, 100, out var n9); p = p with { Stop = (int)n9 }; break;
            case "repeat": error = ValueReader.Integer(definition, values[0], 2, 40, out var n10); p = p with { Repeat = (int)n10 }; break;
            case "draft": p = p with { Draft = true }; break;
            case "fast" or "relax" or "turbo": p = p with { Speed = definition.Name }; break;
            case "stealth" or "public": p = p with { Visibility = definition.Name }; break;
            case "hd": p = p with { Hd = true }; break;
            case "personalize": p = p with { Personalize = [.. values.Select(static v => v.Text)] }; break;
            case "exp": error = ValueReader.Integer(definition, values[0], 0, 100, out var n11); p = p with { Exp = (int)n11 }; break;
            case "steps": error = ValueReader.Integer(definition, values[0], 1, 150, out var n12); p = p with { Steps = (int)n12 }; break;
            case "cfg": error = ValueReader.Decimal(definition, values[0], 0, 30, out var cfg); p = p with { Cfg = cfg }; break;
            case "sampler": error = BindSampler(definition, values[0], ref p); break;
            case "model": error = BindModel(definition, values[0], ref p); break;
            case "lora": error = BindLora(raw, definition, values[0], ref p); break;
            default: throw new InvalidOperationException($"The catalogue entry {definition.Name} has no binding.");
        }

        if (error is null)
        {
            Parameters = p;
        }

        return error;
    }

    private PromptError? Claim(string slot, RawParameter raw)
    {
        if (_slots.TryGetValue(slot, out var first))
        {
            return first.Typed == raw.Typed
                ? PromptError.Of(PromptErrorCode.DuplicateParameter, "prompt.given_twice", raw.Position, ("parameter", raw.Typed))
                : PromptError.Of(PromptErrorCode.DuplicateParameter, "prompt.given_twice_as", raw.Position, ("parameter", raw.Typed), ("first", first.Typed));
        }

        _slots[slot] = new ParameterUse(raw.Typed, raw.Position);
        return null;
    }

    private static PromptError? BindAspect(ScannedToken token, out AspectRatio? aspect)
    {
        aspect = null;
        if (ValueGrammar.AspectRatio.TryParseWhole(token.Text, out var parts)
            && int.TryParse(parts.Width, out var width) && int.TryParse(parts.Height, out var height)
            && width > 0 && height > 0)
        {
            aspect = new AspectRatio(width, height);
            return null;
        }

        return PromptError.Of(PromptErrorCode.InvalidAspectRatio, "prompt.aspect", token.Position, ("value", token.Text));
    }

    // One pass over the tokens: split on commas, trim, drop empties, append to what earlier --no gave.
    private static ImmutableArray<string> MergeNegatives(ImmutableArray<string> existing, IReadOnlyList<ScannedToken> values)
    {
        var terms = existing.IsDefault ? ImmutableArray.CreateBuilder<string>() : existing.ToBuilder();
        var term = new System.Text.StringBuilder();
        foreach (var token in values)
        {
            foreach (var c in token.Text)
            {
                if (c == ',')
                {
                    AddTerm(terms, term);
                }
                else
                {
                    term.Append(c);
                }
            }

            term.Append(' ');
        }

        AddTerm(terms, term);
        return terms.ToImmutable();
    }

    private static void AddTerm(ImmutableArray<string>.Builder terms, System.Text.StringBuilder term)
    {
        var text = term.ToString().Trim();
        term.Clear();
        if (text.Length > 0)
        {
            terms.Add(text);
        }
    }

    private PromptError? BindSameSeed(RawParameter raw, ParameterDefinition definition, IReadOnlyList<ScannedToken> values, ref ImagineParameters p)
    {
        p = p with { SameSeed = true };
        if (values.Count == 0)
        {
            return null;
        }

        if (Claim("seed", raw) is { } duplicate)
        {
            return duplicate;
        }

        var error = ValueReader.Integer(definition, values[0], 0, uint.MaxValue, out var seed);
        p = p with { Seed = (uint)seed };
        return error;
    }

    private static PromptError? BindSref(ParameterDefinition definition, IReadOnlyList<ScannedToken> values, ref ImagineParameters p)
    {
        var entries = ImmutableArray.CreateBuilder<string>(values.Count);
        var weights = ImmutableArray.CreateBuilder<double>(values.Count);
        var weighted = false;
        foreach (var token in values)
        {
            if (!ValueGrammar.SrefEntry.TryParseWhole(token.Text, out var entry))
            {
                return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.sref_value", token.Position, ("parameter", definition.Display), ("value", token.Text));
            }

            if (entry.Value.Contains("://", StringComparison.Ordinal) && ImageLinks.Validate(entry.Value, token.Position) is { } bad)
            {
                return bad;
            }

            entries.Add(entry.Value);
            weights.Add(entry.Weight ?? 1);
            weighted |= entry.Weight.HasValue;
        }

        p = p with { Sref = entries.ToImmutable(), SrefWeights = weighted ? weights.ToImmutable() : default };
        return null;
    }

    private static PromptError? BindLinks(IReadOnlyList<ScannedToken> values, out ImmutableArray<string> links)
    {
        links = default;
        foreach (var token in values)
        {
            if (ImageLinks.Validate(token.Text, token.Position) is { } bad)
            {
                return bad;
            }
        }

        links = [.. values.Select(static v => v.Text)];
        return null;
    }

    private static PromptError? BindNiji(ParameterDefinition definition, IReadOnlyList<ScannedToken> values, ref ImagineParameters p)
    {
        if (values.Count == 0)
        {
            p = p with { Niji = "latest" };
            return null;
        }

        var error = ValueReader.OneOf(definition, values[0], KnownValues.NijiVersions, out var niji);
        p = p with { Niji = niji };
        return error;
    }

    private static PromptError? BindStyle(ParameterDefinition definition, ScannedToken token, ref ImagineParameters p)
    {
        if (!ValueGrammar.StyleCode.TryParseWhole(token.Text, out var style))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.style_value", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        p = p with { Style = style };
        return null;
    }

    private static PromptError? BindQuality(ParameterDefinition definition, ScannedToken token, ref ImagineParameters p)
    {
        var error = ValueReader.Decimal(definition, token, double.MinValue, double.MaxValue, out var quality);
        if (error is null && !KnownValues.Qualities.Contains(quality))
        {
            error = ValueReader.NotOneOf(definition, token, [".25", ".5", "1", "2", "4"]);
        }

        p = p with { Quality = quality };
        return error;
    }

    private static PromptError? BindSampler(ParameterDefinition definition, ScannedToken token, ref ImagineParameters p)
    {
        p = p with { Sampler = token.Text };
        return KnownValues.Samplers.Contains(token.Text, StringComparer.Ordinal)
            ? null
            : ValueReader.NotOneOf(definition, token, KnownValues.Samplers);
    }

    // Repeatable (one LoRA each), a name at most once; checked against the backend's LoRA files when they are known.
    private PromptError? BindLora(RawParameter raw, ParameterDefinition definition, ScannedToken token, ref ImagineParameters p)
    {
        if (!ValueGrammar.Lora.TryParseWhole(token.Text, out var lora) || lora.Name.Length > 120 || lora.Name.Contains("..", StringComparison.Ordinal)
            || lora.Name.StartsWith('/') || lora.Name.EndsWith('/'))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.lora_value", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        var weight = lora.Weight ?? 1;
        if (weight is < -LoraUse.MaxWeight or > LoraUse.MaxWeight)
        {
            return PromptError.Of(PromptErrorCode.OutOfRange, "prompt.between", token.Position, ("parameter", definition.Display + " " + lora.Name + ":"), ("min", ValueReader.Format(-LoraUse.MaxWeight)), ("max", ValueReader.Format(LoraUse.MaxWeight)));
        }

        var given = p.Lora.IsDefault ? [] : p.Lora;
        if (given.Any(l => l.Name == lora.Name))
        {
            return PromptError.Of(PromptErrorCode.DuplicateParameter, "prompt.lora_twice", raw.Position, ("name", lora.Name));
        }

        if (given.Length >= LoraUse.MaxPerPrompt)
        {
            return PromptError.Of(PromptErrorCode.OutOfRange, "prompt.lora_many", raw.Position, ("max", LoraUse.MaxPerPrompt));
        }

        p = p with { Lora = given.Add(new LoraUse(lora.Name, weight)) };
        if (options.LoraNames is { } known && !known.Contains(lora.Name))
        {
            return known.Count == 0
                ? PromptError.Of(PromptErrorCode.OutOfRange, "prompt.no_loras", token.Position, ("parameter", definition.Display))
                : PromptError.Of(PromptErrorCode.OutOfRange, "prompt.lora_unknown", token.Position, ("name", lora.Name), ("names", string.Join(", ", known.Order(StringComparer.Ordinal).Take(25))), ("count", known.Count));
        }

        return null;
    }

    private PromptError? BindModel(ParameterDefinition definition, ScannedToken token, ref ImagineParameters p)
    {
        if (!ValueGrammar.ModelAlias.TryParseWhole(token.Text, out var alias))
        {
            return PromptError.Of(PromptErrorCode.InvalidValue, "prompt.model_value", token.Position, ("parameter", definition.Display), ("value", token.Text));
        }

        p = p with { Model = alias };
        if (options.ModelAliases is { } known && !known.Contains(alias))
        {
            return known.Count == 0
                ? PromptError.Of(PromptErrorCode.OutOfRange, "prompt.no_models", token.Position, ("parameter", definition.Display))
                : ValueReader.NotOneOf(definition, token, known.Order(StringComparer.Ordinal));
        }

        return null;
    }
}
