using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.Testing.ComfyUI;

/// <summary>ComfyUI's <c>validate_prompt</c> as execution.py v0.8.0 does it, against the stand-in's catalogue: the
/// top-level errors (no_prompt, invalid_prompt, prompt_no_outputs, prompt_outputs_failed_validation) and, walking back
/// from each output node, each node's own errors (required_input_missing, bad_linked_input, return_type_mismatch,
/// invalid_input_type, value_smaller_than_min, value_bigger_than_max, value_not_in_list, custom_validation_failed for
/// LoadImage's file), in the real 400 body's shape. Outputs that validate run even when others do not.</summary>
public static class StandInValidation
{
    /// <summary>Validates; returns the body of a 400, or null and the output nodes that run (with node_errors for the
    /// ones that do not).</summary>
    public static (JsonObject? Refusal, List<string> Outputs, JsonObject NodeErrors) Validate(JsonNode? body, JsonObject catalogue, ISet<string> inputFiles)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(inputFiles);
        if (body?["prompt"] is not JsonObject prompt)
        {
            return (Top("no_prompt", "No prompt provided", "No prompt provided"), [], []);
        }

        foreach (var (id, node) in prompt)
        {
            if (node?["class_type"] is not JsonValue classType)
            {
                return (Top("invalid_prompt", "Cannot execute because a node is missing the class_type property.", $"Node ID '#{id}'"), [], []);
            }

            var name = classType.GetValue<string>();
            if (catalogue[name] is null)
            {
                return (Top("invalid_prompt", $"Cannot execute because node {name} does not exist.", $"Node ID '#{id}'"), [], []);
            }
        }

        var outputs = prompt.Where(n => catalogue[ClassOf(n.Value)]?["output_node"]?.GetValue<bool>() == true).Select(static n => n.Key).ToList();
        if (outputs.Count == 0)
        {
            return (Top("prompt_no_outputs", "Prompt has no outputs", string.Empty), [], []);
        }

        var nodeErrors = new JsonObject();
        var good = new List<string>();
        var errorsByNode = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            var failed = new HashSet<string>(StringComparer.Ordinal);
            Walk(output, prompt, catalogue, inputFiles, errorsByNode, failed, []);
            if (failed.Count == 0)
            {
                good.Add(output);
                continue;
            }

            foreach (var node in failed)
            {
                if (nodeErrors[node] is not JsonObject entry)
                {
                    entry = new JsonObject { ["errors"] = errorsByNode[node].DeepClone(), ["dependent_outputs"] = new JsonArray(), ["class_type"] = ClassOf(prompt[node]) };
                    nodeErrors[node] = entry;
                }

                ((JsonArray)entry["dependent_outputs"]!).Add(output);
            }
        }

        if (good.Count == 0)
        {
            var first = nodeErrors.First().Value!["errors"]![0]!;
            var refusal = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["type"] = "prompt_outputs_failed_validation",
                    ["message"] = "Prompt outputs failed validation",
                    ["details"] = $"{first["message"]}: {first["details"]}",
                    ["extra_info"] = new JsonObject(),
                },
                ["node_errors"] = nodeErrors,
            };
            return (refusal, [], nodeErrors);
        }

        return (null, good, nodeErrors);
    }

    public static string ClassOf(JsonNode? node) => node?["class_type"]?.GetValue<string>() ?? string.Empty;

    private static void Walk(string id, JsonObject prompt, JsonObject catalogue, ISet<string> inputFiles, Dictionary<string, JsonArray> errorsByNode, HashSet<string> failed, HashSet<string> seen)
    {
        if (!seen.Add(id))
        {
            return;
        }

        if (!errorsByNode.ContainsKey(id))
        {
            errorsByNode[id] = NodeErrors(id, prompt, catalogue, inputFiles);
        }

        if (errorsByNode[id].Count > 0)
        {
            failed.Add(id);
        }

        foreach (var (_, value) in prompt[id]!["inputs"] as JsonObject ?? [])
        {
            if (value is JsonArray and [JsonValue source, JsonValue] && source.TryGetValue<string>(out var origin) && prompt[origin] is not null)
            {
                Walk(origin, prompt, catalogue, inputFiles, errorsByNode, failed, seen);
            }
        }
    }

    private static JsonArray NodeErrors(string id, JsonObject prompt, JsonObject catalogue, ISet<string> inputFiles)
    {
        var node = prompt[id]!;
        var classType = ClassOf(node);
        var info = catalogue[classType]!;
        var inputs = node["inputs"] as JsonObject ?? [];
        var errors = new JsonArray();
        foreach (var (group, required) in new[] { ("required", true), ("optional", false) })
        {
            foreach (var (name, spec) in info["input"]?[group] as JsonObject ?? [])
            {
                var given = inputs[name];
                if (!inputs.ContainsKey(name))
                {
                    if (required)
                    {
                        errors.Add(Error("required_input_missing", "Required input is missing", name, null, null));
                    }

                    continue;
                }

                var type = spec is JsonArray { Count: > 0 } parts ? parts[0] : null;
                var meta = spec is JsonArray { Count: > 1 } withMeta ? withMeta[1] as JsonObject : null;
                if (given is JsonArray link)
                {
                    if (link.Count != 2 || link[0] is not JsonValue sourceValue || !sourceValue.TryGetValue<string>(out var source) || link[1] is not JsonValue indexValue || !indexValue.TryGetValue<int>(out var index))
                    {
                        errors.Add(Error("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]", name, spec, given));
                        continue;
                    }

                    if (prompt[source] is not { } sourceNode)
                    {
                        errors.Add(Error("bad_linked_input", "Bad linked input", name, spec, given));
                        continue;
                    }

                    var outputsOfSource = catalogue[ClassOf(sourceNode)]?["output"] as JsonArray ?? [];
                    var received = index >= 0 && index < outputsOfSource.Count ? outputsOfSource[index]!.GetValue<string>() : null;
                    var wanted = type is JsonValue t ? t.GetValue<string>() : "COMBO";
                    if (received is null || (wanted != "*" && received != "*" && received != wanted))
                    {
                        errors.Add(Error("return_type_mismatch", "Return type mismatch between linked nodes", name, spec, given, $"{name}, received_type({received}) mismatch input_type({wanted})"));
                    }

                    continue;
                }

                var options = type as JsonArray ?? (type is JsonValue combo && combo.GetValue<string>() == "COMBO" ? meta?["options"] as JsonArray ?? [] : null);
                if (options is not null)
                {
                    var choice = given is JsonValue v && v.TryGetValue<string>(out var s) ? s : given?.ToJsonString();
                    var allowed = options.Select(static o => o?.ToString()).ToList();

                    // LoadImage's VALIDATE_INPUTS takes "image": execution.py then skips the list check for it, and
                    // the node's own check answers for a missing file.
                    var ownCheck = classType is "LoadImage" or "LoadImageMask" && name == "image";
                    if (!ownCheck && !allowed.Contains(choice))
                    {
                        var list = allowed.Count > 20 ? $"(list of length {allowed.Count})" : "[" + string.Join(", ", allowed.Select(static a => $"'{a}'")) + "]";
                        errors.Add(Error("value_not_in_list", "Value not in list", name, null, given, $"{name}: '{choice}' not in {list}"));
                    }
                    else if (ownCheck && !inputFiles.Contains(choice ?? string.Empty))
                    {
                        errors.Add(Error("custom_validation_failed", "Custom validation failed for node", name, spec, given, $"Invalid image file: {choice}"));
                    }

                    continue;
                }

                var typeName = (type as JsonValue)?.GetValue<string>();
                if (typeName is "INT" or "FLOAT")
                {
                    // execution.py converts with int()/float(): 7.9 is 7 for an INT, "7" is 7, "7.9" fails for an INT.
                    if (!Converted(given, typeName == "INT", out var x))
                    {
                        errors.Add(Error("invalid_input_type", $"Failed to convert an input value to a {typeName} value", name, spec, given, $"{name}, {given?.ToJsonString()}"));
                    }
                    else if (meta?["min"] is JsonValue min && x < min.GetValue<double>())
                    {
                        errors.Add(Error("value_smaller_than_min", $"Value {Format(x)} smaller than min of {min}", name, spec, given, $"{name}"));
                    }
                    else if (meta?["max"] is JsonValue max && x > max.GetValue<double>())
                    {
                        errors.Add(Error("value_bigger_than_max", $"Value {Format(x)} bigger than max of {max}", name, spec, given, $"{name}"));
                    }
                }
                else if (typeName is "STRING" && given is not JsonValue)
                {
                    errors.Add(Error("invalid_input_type", "Failed to convert an input value to a STRING value", name, spec, given));
                }
                else if (typeName is "BOOLEAN" && (given is not JsonValue b || !b.TryGetValue<bool>(out _)))
                {
                    errors.Add(Error("invalid_input_type", "Failed to convert an input value to a BOOLEAN value", name, spec, given));
                }
                else if (typeName is not ("INT" or "FLOAT" or "STRING" or "BOOLEAN"))
                {
                    // A connection type (MODEL, LATENT …) given as a literal.
                    errors.Add(Error("required_input_missing", "Required input is missing", name, spec, given));
                }
            }
        }

        return errors;
    }

    private static string Format(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Error(string type, string message, string input, JsonNode? config, JsonNode? received, string? details = null) => new()
    {
        ["type"] = type,
        ["message"] = message,
        ["details"] = details ?? input,
        ["extra_info"] = new JsonObject { ["input_name"] = input, ["input_config"] = config?.DeepClone(), ["received_value"] = received?.DeepClone() },
    };

    private static JsonObject Top(string type, string message, string details) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message, ["details"] = details, ["extra_info"] = new JsonObject() },
        ["node_errors"] = new JsonObject(),
    };

    private static bool Converted(JsonNode? given, bool integer, out double value)
    {
        value = 0;
        if (given is not JsonValue v)
        {
            return false;
        }

        if (v.TryGetValue<double>(out var number))
        {
            value = integer ? Math.Truncate(number) : number;
            return true;
        }

        return v.TryGetValue<string>(out var text) && (integer
            ? long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole) && (value = whole) == whole
            : double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value));
    }
}
