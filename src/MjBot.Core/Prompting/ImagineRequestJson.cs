using System.Collections.Immutable;
using System.Text.Json;

namespace MjBot.Core.Prompting;

/// <summary>Writes requests and parse results in MjBot's canonical JSON shape (what <c>mjbot parse</c> prints):
/// parameters under their long names, only those given, numbers as JSON numbers.</summary>
public static class ImagineRequestJson
{
    /// <summary>Writes a parse result: one job as an object; several as permutations, jobs and job_count; a
    /// failure as error and error_code.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="result">The result to write.</param>
    public static void WriteResult(Utf8JsonWriter writer, PromptParseResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (result)
        {
            case PromptParseResult.Failure failure:
                writer.WriteStartObject();
                writer.WriteString("error", failure.Error.Message);
                writer.WriteString("error_code", failure.Error.Code.ToCode());
                writer.WriteEndObject();
                break;
            case PromptParseResult.Success { Jobs.Length: 1 } single:
                WriteRequest(writer, single.Jobs[0]);
                break;
            case PromptParseResult.Success several:
                writer.WriteStartObject();
                WriteStrings(writer, "permutations", several.Permutations);
                writer.WriteStartArray("jobs");
                foreach (var job in several.Jobs)
                {
                    WriteRequest(writer, job);
                }

                writer.WriteEndArray();
                writer.WriteNumber("job_count", several.Jobs.Length);
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown parse result.");
        }
    }

    /// <summary>Writes one request: prompt, params, and multi_prompt / image_prompts / image_prompt_weights when present.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="request">The request to write.</param>
    public static void WriteRequest(Utf8JsonWriter writer, ImagineRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        writer.WriteStartObject();
        writer.WriteString("prompt", request.Prompt);
        writer.WritePropertyName("params");
        WriteParameters(writer, request.Parameters);
        if (!request.MultiPrompt.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("multi_prompt");
            foreach (var segment in request.MultiPrompt)
            {
                writer.WriteStartObject();
                writer.WriteString("text", segment.Text);
                writer.WriteNumber("weight", segment.Weight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!request.ImagePrompts.IsDefaultOrEmpty)
        {
            WriteStrings(writer, "image_prompts", request.ImagePrompts.Select(static i => i.Url));
            if (request.ImagePrompts.Any(static i => i.Weight.HasValue))
            {
                WriteNumbers(writer, "image_prompt_weights", request.ImagePrompts.Select(static i => i.Weight ?? 1));
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter writer, ImagineParameters p)
    {
        writer.WriteStartObject();
        String(writer, "aspect", p.Aspect?.ToString());
        Number(writer, "stylize", p.Stylize);
        Number(writer, "chaos", p.Chaos);
        Strings(writer, "no", p.No);
        Number(writer, "seed", p.Seed);
        True(writer, "sameseed", p.SameSeed);
        Strings(writer, "sref", p.Sref);
        if (!p.SrefWeights.IsDefault)
        {
            WriteNumbers(writer, "sref_weights", p.SrefWeights);
        }

        Number(writer, "sw", p.StyleWeight);
        Number(writer, "sv", p.StyleVersion);
        Strings(writer, "cref", p.Cref);
        Number(writer, "cw", p.CharacterWeight);
        String(writer, "oref", p.Oref);
        Number(writer, "ow", p.OmniWeight);
        Number(writer, "iw", p.ImageWeight);
        String(writer, "version", p.Version);
        String(writer, "niji", p.Niji);
        String(writer, "style", p.Style);
        Number(writer, "quality", p.Quality);
        True(writer, "tile", p.Tile);
        True(writer, "transparent", p.Transparent);
        Number(writer, "weird", p.Weird);
        Number(writer, "stop", p.Stop);
        Number(writer, "repeat", p.Repeat);
        True(writer, "draft", p.Draft);
        String(writer, "speed", p.Speed);
        String(writer, "visibility", p.Visibility);
        True(writer, "hd", p.Hd);
        Strings(writer, "personalize", p.Personalize);
        Number(writer, "exp", p.Exp);
        Number(writer, "steps", p.Steps);
        Number(writer, "cfg", p.Cfg);
        String(writer, "sampler", p.Sampler);
        String(writer, "model", p.Model);
        if (!p.Lora.IsDefault)
        {
            writer.WriteStartArray("lora");
            foreach (var lora in p.Lora)
            {
                writer.WriteStartObject();
                writer.WriteString("name", lora.Name);
                writer.WriteNumber("weight", lora.Weight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void True(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value == true)
        {
            writer.WriteBoolean(name, true);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        if (!values.IsDefault)
        {
            WriteStrings(writer, name, values);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
