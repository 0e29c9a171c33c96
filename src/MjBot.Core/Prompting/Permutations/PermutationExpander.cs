using System.Text;

namespace MjBot.Core.Prompting.Permutations;

/// <summary>Expands Midjourney permutation groups (<c>a {red, green} bird</c>) into their Cartesian product,
/// leftmost group slowest, nested groups allowed, <c>\,</c> a literal comma (<c>\{</c> and <c>\}</c> literal braces).</summary>
/// <remarks>
/// Braces that do not pair up are literal text. The work is iterative (an explicit stack, so 1,000-deep nesting
/// is as safe as none) and bounded: every group's count is known when it closes, and since no count can be
/// smaller than a part of it, the expansion stops as soon as any part exceeds the cap.
/// PROJECT: white space before <c>\,</c> inside a group is dropped, which reproduces the documented
/// <c>{red, pastel \, yellow}</c> → <c>pastel, yellow</c>.
/// </remarks>
internal static class PermutationExpander
{
    public static PermutationExpansion Expand(string prompt, int cap)
    {
        if (prompt.AsSpan().IndexOfAny('{', '}', '\\') < 0)
        {
            return new PermutationExpansion([prompt]);
        }

        var closing = MatchBraces(prompt);
        var root = new Sequence();
        var groups = new Stack<Group>();
        var current = root;
        for (var i = 0; i < prompt.Length; i++)
        {
            var c = prompt[i];
            if (c == '\\' && i + 1 < prompt.Length && prompt[i + 1] is ',' or '{' or '}')
            {
                if (prompt[i + 1] == ',' && groups.Count > 0)
                {
                    current.TrimPendingEnd();
                }

                current.Pending.Append(prompt[++i]);
            }
            else if (c == '{' && closing[i])
            {
                groups.Push(new Group(current));
                current = new Sequence();
            }
            else if (c == ',' && groups.Count > 0)
            {
                if (!groups.Peek().AddOption(current, cap))
                {
                    return new PermutationExpansion(null);
                }

                current = new Sequence();
            }
            else if (c == '}' && closing[i])
            {
                var group = groups.Pop();
                if (!group.AddOption(current, cap) || !group.Parent.Append(group.Options, cap))
                {
                    return new PermutationExpansion(null);
                }

                current = group.Parent;
            }
            else
            {
                current.Pending.Append(c);
            }
        }

        return new PermutationExpansion(root.Finish(trim: false));
    }

    // closing[i] is true for a '{' or '}' that belongs to a matched pair; escaped braces never pair.
    private static bool[] MatchBraces(string prompt)
    {
        var paired = new bool[prompt.Length];
        var open = new Stack<int>();
        for (var i = 0; i < prompt.Length; i++)
        {
            if (prompt[i] == '\\' && i + 1 < prompt.Length && prompt[i + 1] is ',' or '{' or '}')
            {
                i++;
            }
            else if (prompt[i] == '{')
            {
                open.Push(i);
            }
            else if (prompt[i] == '}' && open.Count > 0)
            {
                paired[open.Pop()] = true;
                paired[i] = true;
            }
        }

        return paired;
    }

    private sealed class Group(Sequence parent)
    {
        public Sequence Parent { get; } = parent;

        public List<string> Options { get; } = [];

        public bool AddOption(Sequence option, int cap)
        {
            Options.AddRange(option.Finish(trim: true));
            return Options.Count <= cap;
        }
    }

    // One builder per expansion: text and single-option groups append in place; only a group with several
    // options copies the prefixes, and that can happen just a few times before the count passes the cap.
    private sealed class Sequence
    {
        private List<StringBuilder> _expansions = [new()];

        public StringBuilder Pending { get; } = new();

        public void TrimPendingEnd()
        {
            while (Pending.Length > 0 && char.IsWhiteSpace(Pending[^1]))
            {
                Pending.Length--;
            }
        }

        // Leftmost group slowest: every prefix so far is followed by each option in turn.
        public bool Append(List<string> options, int cap)
        {
            Flush();
            if (options.Count == 1)
            {
                foreach (var expansion in _expansions)
                {
                    expansion.Append(options[0]);
                }

                return true;
            }

            if ((long)_expansions.Count * options.Count > cap)
            {
                return false;
            }

            var next = new List<StringBuilder>(_expansions.Count * options.Count);
            foreach (var prefix in _expansions)
            {
                foreach (var option in options)
                {
                    next.Add(new StringBuilder(prefix.Length + option.Length).Append(prefix).Append(option));
                }
            }

            _expansions = next;
            return true;
        }

        public List<string> Finish(bool trim)
        {
            Flush();
            return _expansions.ConvertAll(expansion => trim ? expansion.ToString().Trim() : expansion.ToString());
        }

        private void Flush()
        {
            if (Pending.Length == 0)
            {
                return;
            }

            foreach (var expansion in _expansions)
            {
                expansion.Append(Pending);
            }

            Pending.Clear();
        }
    }
}
