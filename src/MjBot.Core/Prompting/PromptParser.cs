using System.Collections.Immutable;
using System.Text;
using MjBot.Core.Prompting.Grammar;
using MjBot.Core.Prompting.Parameters;
using MjBot.Core.Prompting.Permutations;
using MjBot.Core.Prompting.Scanning;

namespace MjBot.Core.Prompting;

/// <summary>Parses what a member types into /imagine into one or more <see cref="ImagineRequest"/>s, following
/// Midjourney's prompt rules (docs/prompt-grammar.md). Total: any string gives a result or an error value, in
/// time roughly linear in its length.</summary>
public static class PromptParser
{
    /// <summary>Parses <paramref name="prompt"/> with the default limits.</summary>
    /// <param name="prompt">What the member typed.</param>
    /// <returns>The jobs, or the error the member sees.</returns>
    public static PromptParseResult Parse(string? prompt) => Parse(prompt, PromptParserOptions.Default);

    /// <summary>Parses <paramref name="prompt"/>: permutations are expanded first, every expansion is parsed and
    /// validated before any job exists, and one bad expansion refuses the whole command.</summary>
    /// <param name="prompt">What the member typed.</param>
    /// <param name="options">Limits and configured vocabularies.</param>
    /// <returns>The jobs, or the error the member sees.</returns>
    public static PromptParseResult Parse(string? prompt, PromptParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        prompt ??= string.Empty;
        if (prompt.Length > options.MaxLength)
        {
            return Fail(PromptError.Of(PromptErrorCode.PromptTooLong, "prompt.too_long", options.MaxLength, ("length", prompt.Length), ("limit", options.MaxLength)));
        }

        var expansion = PermutationExpander.Expand(prompt, options.MaxJobsPerCommand);
        if (expansion.ExceedsCap)
        {
            return Fail(TooManyJobs(options, null));
        }

        var expanded = expansion.Prompts!;
        var permutations = ImmutableArray.CreateBuilder<string>(expanded.Count);
        var requests = new List<ImagineRequest>(expanded.Count);
        foreach (var text in expanded)
        {
            var result = ParseOne(text, options);
            if (result.Error is { } error)
            {
                return expanded.Count == 1 ? new PromptParseResult.Failure(error) : new PromptParseResult.Failure(
                    error with { Message = $"In `{CollapseWhiteSpace(text)}`: {error.Message}" });
            }

            permutations.Add(CollapseWhiteSpace(text));
            requests.Add(result.Request!);
        }

        long jobCount = 0;
        foreach (var request in requests)
        {
            jobCount += request.Parameters.Repeat ?? 1;
        }

        if (jobCount > options.MaxJobsPerCommand)
        {
            return Fail(TooManyJobs(options, jobCount));
        }

        var jobs = ImmutableArray.CreateBuilder<ImagineRequest>((int)jobCount);
        var permutationOfJob = ImmutableArray.CreateBuilder<int>((int)jobCount);
        for (var p = 0; p < requests.Count; p++)
        {
            for (var i = 0; i < (requests[p].Parameters.Repeat ?? 1); i++)
            {
                jobs.Add(requests[p]);
                permutationOfJob.Add(p);
            }
        }

        return new PromptParseResult.Success(permutations.ToImmutable(), jobs.MoveToImmutable(), permutationOfJob.MoveToImmutable());
    }

    /// <summary>Gets the parameters of <paramref name="prompt"/> as typed: everything from the first parameter on
    /// (<c>--ar 16:9 --s 250</c>), or empty.</summary>
    /// <param name="prompt">A prompt.</param>
    /// <returns>The parameter text, trimmed.</returns>
    public static string ParametersAsTyped(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt[PromptScanner.Scan(prompt).TextEnd..].Trim();
    }

    private static (ImagineRequest? Request, PromptError? Error) ParseOne(string prompt, PromptParserOptions options)
    {
        var scanned = PromptScanner.Scan(prompt);
        var binder = new ParameterBinder(options);
        var known = new List<(RawParameter Raw, ParameterDefinition Definition, int Taken)>(scanned.Parameters.Count);
        var error = ReadImagePrompts(scanned.Links, out var images)
            ?? FindLeftovers(scanned.Parameters, known)
            ?? BindParameters(known, binder);
        if (error is not null)
        {
            return (null, error);
        }

        var rawText = prompt[scanned.TextStart..scanned.TextEnd];
        var text = CollapseWhiteSpace(rawText);
        var segments = ImmutableArray<PromptSegment>.Empty;
        var hasDecimalWeights = false;
        if (text.Contains("::", StringComparison.Ordinal)
            && MultiPromptParser.Parse(text, scanned.TextStart, out segments, out hasDecimalWeights) is { } weightError)
        {
            return (null, weightError);
        }

        if (text.Length == 0 && images.Length < 2)
        {
            return (null, PromptError.Of(PromptErrorCode.EmptyPrompt, images.Length == 1 ? "prompt.single_image" : "prompt.empty", scanned.TextStart));
        }

        var parameters = binder.Parameters;
        if (CompatibilityRules.Check(parameters, binder.Slots, hasDecimalWeights) is { } ruleError)
        {
            return (null, ruleError);
        }

        return (new ImagineRequest(text, segments, images, parameters), null);
    }

    private static PromptError? ReadImagePrompts(IReadOnlyList<ScannedToken> links, out ImmutableArray<ImagePrompt> images)
    {
        images = [];
        if (links.Count == 0)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<ImagePrompt>(links.Count);
        foreach (var token in links)
        {
            if (!ValueGrammar.WeightedLink.TryParseWhole(token.Text, out var link))
            {
                return PromptError.Of(PromptErrorCode.InvalidLink, "prompt.image_weight_link", token.Position, ("value", token.Text));
            }

            if (ImageLinks.Validate(link.Url, token.Position) is { } bad)
            {
                return bad;
            }

            if (link.Weight is < 0)
            {
                return PromptError.Of(PromptErrorCode.InvalidWeights, "prompt.image_weight_negative", token.Position, ("value", token.Text));
            }

            builder.Add(new ImagePrompt(link.Url, link.Weight));
        }

        images = builder.MoveToImmutable();
        return null;
    }

    // Unknown names and words left after values are reported together, as Midjourney's
    // "Unrecognized parameter(s)" does, before any value is judged.
    private static PromptError? FindLeftovers(IReadOnlyList<RawParameter> parameters, List<(RawParameter, ParameterDefinition, int)> known)
    {
        List<(string Text, int Position)>? unknown = null;
        foreach (var raw in parameters)
        {
            var definition = ParameterCatalog.Find(raw.Name);
            if (definition is null)
            {
                (unknown ??= []).Add((raw.Typed, raw.Position));
                continue;
            }

            var taken = ParameterTokenSplitter.CountTaken(definition, raw.Values);
            known.Add((raw, definition, taken));
            for (var i = taken; i < raw.Values.Count; i++)
            {
                (unknown ??= []).Add((raw.Values[i].Text, raw.Values[i].Position));
            }
        }

        if (unknown is null)
        {
            return null;
        }

        var list = string.Join(", ", unknown.Select(static u => $"`{u.Text}`"));
        var upper = unknown.Any(static u => u.Text.StartsWith("--", StringComparison.Ordinal) && u.Text.Any(char.IsUpper));
        return PromptError.Of(PromptErrorCode.UnknownParameter, upper ? "prompt.unknown_upper" : "prompt.unknown", unknown[0].Position, ("list", list));
    }

    private static PromptError? BindParameters(List<(RawParameter Raw, ParameterDefinition Definition, int Taken)> known, ParameterBinder binder)
    {
        foreach (var (raw, definition, taken) in known)
        {
            var values = taken == raw.Values.Count ? raw.Values : raw.Values.Take(taken).ToList();
            if (binder.Bind(raw, definition, values) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static string CollapseWhiteSpace(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsCollapsed(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static PromptParseResult.Failure Fail(PromptError error) => new(error);

    private static PromptError TooManyJobs(PromptParserOptions options, long? jobCount)
    {
        var key = (jobCount is null ? "prompt.expands_too_far" : "prompt.too_many_jobs") + (options.QueueRunning > 0 ? "_queue" : string.Empty);
        return PromptError.Of(PromptErrorCode.TooManyJobs, key, null, ("count", jobCount), ("limit", options.MaxJobsPerCommand), ("room", options.QueueRunning + options.QueueWaiting), ("running", options.QueueRunning), ("waiting", options.QueueWaiting));
    }
}
