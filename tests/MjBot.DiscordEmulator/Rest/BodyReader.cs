using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Reads a request body as Discord does: JSON, or multipart/form-data with payload_json and files[n]; refuses
/// a file over the per-file limit or a request over the total with 413/40005, and bad JSON with 50109.</summary>
internal static partial class BodyReader
{
    public static async Task<(JsonNode? Json, IReadOnlyList<UploadedFile> Files, RestAnswer? Refusal)> ReadAsync(
        byte[] body, string? contentType, EmulatorOptions options)
    {
        if (body.Length > options.MaxRequestBytes)
        {
            return (null, [], RestAnswer.Error(413, 40005, "Request entity too large"));
        }

        if (body.Length == 0)
        {
            return (null, [], null);
        }

        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(body, HeaderUtilities.RemoveQuotes(media.Boundary).ToString(), options);
        }

        return Parse(body) is { } json ? (json, [], null) : (null, [], RestAnswer.Error(400, 50109, "The request body contains invalid JSON."));
    }

    private static async Task<(JsonNode?, IReadOnlyList<UploadedFile>, RestAnswer?)> ReadMultipartAsync(byte[] body, string boundary, EmulatorOptions options)
    {
        var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = null };
        JsonNode? json = null;
        var files = new List<UploadedFile>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            if (name == "payload_json")
            {
                json = Parse(content.ToArray());
                if (json is null)
                {
                    return (null, [], RestAnswer.Error(400, 50109, "The request body contains invalid JSON."));
                }
            }
            else if (FilePart().Match(name) is { Success: true } match)
            {
                if (content.Length > options.MaxFileBytes)
                {
                    return (null, [], RestAnswer.Error(413, 40005, "Request entity too large"));
                }

                files.Add(new UploadedFile(
                    int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    HeaderUtilities.RemoveQuotes(disposition.FileName).ToString(),
                    section.ContentType ?? "application/octet-stream",
                    content.ToArray()));
            }
        }

        return (json, files, null);
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^files\[(\d+)\]$")]
    private static partial Regex FilePart();
}
