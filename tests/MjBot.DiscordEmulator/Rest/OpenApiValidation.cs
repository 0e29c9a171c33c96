using System.Diagnostics;
using System.Text.Json.Nodes;
using MjBot.Testing;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Validates request bodies against Discord's official OpenAPI document through one long-running
/// eng/validate-discord-body.py --serve (python3-jsonschema: an implementation independent of MjBot), and turns its
/// complaints into 50035 field errors. Where the document and the docs disagree, the docs win, as the document's own
/// README says: default_member_permissions is sent as a string.</summary>
internal sealed class OpenApiValidation : IDisposable
{
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public OpenApiValidation(string document)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            ArgumentList = { "-W", "ignore", RepositoryPaths.InRoot("eng", "validate-discord-body.py"), document, "--serve" },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
    }

    /// <summary>Gets how many request bodies were validated.</summary>
    public int Validated { get; private set; }

    /// <summary>Gets how many bodies the emulator sent were validated (responses and gateway payload parts).</summary>
    public int SentValidated { get; private set; }

    public async Task<List<FieldError>> CheckAsync(string operationId, JsonNode body)
    {
        var errors = new List<FieldError>();
        foreach (var error in await AskAsync(new JsonObject { ["operation"] = operationId, ["body"] = body.DeepClone() }, operationId) ?? [])
        {
            var path = string.Join('.', error!["path"]!.AsArray().Select(static p => p!.ToString()));
            var validator = error["validator"]!.GetValue<string>();
            if (path.EndsWith("default_member_permissions", StringComparison.Ordinal) && validator == "type")
            {
                continue;
            }

            errors.Add(new FieldError(path, CodeFor(validator), error["message"]!.GetValue<string>()));
        }

        return errors;
    }

    /// <summary>Checks a body the emulator answers against the operation's documented response for the status;
    /// returns one line per violation (none when it conforms). A body for a status the operation documents without
    /// one is itself a violation.</summary>
    public async Task<IReadOnlyList<string>> CheckResponseAsync(string operationId, int status, JsonNode body)
    {
        var request = new JsonObject { ["operation"] = operationId, ["status"] = status, ["body"] = body.DeepClone() };
        var answer = await AskAsync(request, null);
        return answer is null ? [$"{operationId} documents no body for {status}"] : Lines(answer);
    }

    /// <summary>Checks a body against one of the document's component schemas (a gateway payload's parts).</summary>
    public async Task<IReadOnlyList<string>> CheckSchemaAsync(string schema, JsonNode body)
    {
        var answer = await AskAsync(new JsonObject { ["schema"] = schema, ["body"] = body.DeepClone() }, null);
        return answer is null ? throw new InvalidOperationException($"The OpenAPI document has no schema {schema}.") : Lines(answer);
    }

    private static List<string> Lines(JsonArray errors) =>
        [.. errors.Select(static e => $"{string.Join('.', e!["path"]!.AsArray().Select(static p => p!.ToString()))}: {e["message"]!.GetValue<string>()}")];

    // One request to the validator process; null when it knows no schema for it (throws for an unknown request operation).
    private async Task<JsonArray?> AskAsync(JsonObject request, string? requestOperation)
    {
        string? line;
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(request.ToJsonString());
            await _process.StandardInput.FlushAsync();
            line = await _process.StandardOutput.ReadLineAsync();
            if (requestOperation is null)
            {
                SentValidated++;
            }
            else
            {
                Validated++;
            }
        }
        finally
        {
            _gate.Release();
        }

        var answer = JsonNode.Parse(line ?? throw new InvalidOperationException("The OpenAPI validator stopped."))!;
        if (answer["unknown_operation"] is not null)
        {
            return requestOperation is null ? null : throw new InvalidOperationException($"The OpenAPI document has no operation {requestOperation}.");
        }

        return answer["errors"]!.AsArray();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
        _gate.Dispose();
    }

    // Discord's error codes for the JSON Schema keyword that failed (the common ones; the rest are BASE_TYPE_INVALID).
    private static string CodeFor(string validator) => validator switch
    {
        "maxLength" or "maxItems" => "BASE_TYPE_MAX_LENGTH",
        "minLength" or "minItems" => "BASE_TYPE_MIN_LENGTH",
        "required" => "BASE_TYPE_REQUIRED",
        "enum" or "const" => "BASE_TYPE_CHOICES",
        "maximum" => "NUMBER_TYPE_MAX",
        "minimum" => "NUMBER_TYPE_MIN",
        _ => "BASE_TYPE_INVALID",
    };
}
