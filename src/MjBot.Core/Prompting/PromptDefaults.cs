using System.Text;
using MjBot.Core.Prompting.Parameters;
using MjBot.Core.Prompting.Scanning;

namespace MjBot.Core.Prompting;

/// <summary>A member's defaults (their <c>/prefer suffix</c> and default stylize) added to what they typed. Typed
/// parameters win, parameter by parameter: a suffix parameter is dropped when the typed prompt sets the same thing,
/// under any alias or marker (<c>--ar</c>, <c>--aspect</c>, <c>—ar</c>), and so is the default stylize. "The same
/// thing" is the parameter's slot in the catalogue, with <c>--v</c>/<c>--niji</c> and <c>--seed</c>/<c>--sameseed</c>
/// each counted as one; <c>--no</c> lists are merged, as Midjourney merges them.</summary>
public static class PromptDefaults
{
    /// <summary>Gets the prompt as it runs: <paramref name="typed"/>, then what the suffix adds, then the default
    /// stylize unless a stylize is already set.</summary>
    /// <param name="typed">What the member typed.</param>
    /// <param name="suffix">Their suffix (text and parameters), or null.</param>
    /// <param name="stylize">Their default stylize, or null.</param>
    /// <returns>The whole prompt.</returns>
    public static string Apply(string typed, string? suffix, int? stylize)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var prompt = new StringBuilder(typed.Trim());
        var set = SlotsOf(PromptScanner.Scan(typed).Parameters);
        if (suffix is { Length: > 0 } && suffix.Trim() is { Length: > 0 } trimmed)
        {
            var scanned = PromptScanner.Scan(trimmed);
            var kept = new StringBuilder(trimmed[..scanned.TextEnd].Trim());
            foreach (var raw in scanned.Parameters)
            {
                var slot = SlotOf(raw);
                if (slot is not null && slot != "no" && set.Contains(slot))
                {
                    continue;
                }

                var end = raw.Values.Count == 0 ? raw.Position + raw.Typed.Length : raw.Values[^1].Position + raw.Values[^1].Text.Length;
                kept.Append(kept.Length > 0 ? " " : string.Empty).Append(trimmed, raw.Position, end - raw.Position);
                if (slot is not null)
                {
                    set.Add(slot);
                }
            }

            if (kept.Length > 0)
            {
                prompt.Append(' ').Append(kept);
            }
        }

        if (stylize is { } s && !set.Contains("stylize"))
        {
            prompt.Append(System.Globalization.CultureInfo.InvariantCulture, $" --s {s}");
        }

        return prompt.ToString();
    }

    private static HashSet<string> SlotsOf(IEnumerable<RawParameter> parameters) =>
        [.. parameters.Select(SlotOf).OfType<string>()];

    private static string? SlotOf(RawParameter raw) => ParameterCatalog.Find(raw.Name)?.Slot switch
    {
        "niji" => "version",
        "sameseed" => "seed",
        var slot => slot,
    };
}
