using System.Diagnostics;
namespace MjBot.Testing;

/// <summary>Validates request bodies against Discord's official OpenAPI document with eng/validate-discord-body.py
/// (Debian's python3-jsonschema, installed by eng/install-test-prerequisites.sh): an independent validator.</summary>
public static class OpenApiValidator
{
    /// <summary>Returns the validator's complaints about <paramref name="json"/> for <paramref name="operationId"/>;
    /// empty when the body is valid.</summary>
    public static IReadOnlyList<string> Problems(string operationId, string json)
    {
        using var folder = new TempFolder();
        var body = folder.Combine("body.json");
        File.WriteAllText(body, json);
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { RepositoryPaths.InRoot("eng", "validate-discord-body.py"), RepositoryPaths.InTestData("discord-openapi.json"), operationId, body },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"The validator failed (exit {process.ExitCode}): {output} {error}");
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(static l => l.StartsWith("invalid ", StringComparison.Ordinal))];
    }
}
