using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Testing;

/// <summary>A loopback stand-in for OpenAI's image API (test-only): /v1/images/generations, /edits and /variations,
/// checking what the real API checks (the key; model × size × n × quality × style; response_format only where the model
/// takes it; multipart fields for edits and variations) and answering in the real shapes, errors included. Tests can
/// queue faults (429 with Retry-After, 500) and a prompt containing "forbidden" trips the content policy.</summary>
public sealed class FakeOpenAI : IAsyncDisposable
{
    public const string Key = "sk-test-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<int> _faults = new();

    private FakeOpenAI(LoopbackHttpServer server) => _server = server;

    public Uri Endpoint => new(_server.Address, "v1/");

    public ConcurrentQueue<RecordedRequest> Requests => _server.Requests;

    /// <summary>Gets or sets a delay before every answer (a slow provider).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets the bodies of the accepted generation calls, as JSON.</summary>
    public ConcurrentQueue<JsonObject> Generations { get; } = new();

    /// <summary>Gets the accepted edit calls: their text fields and the image sent.</summary>
    public ConcurrentQueue<(JsonObject Fields, byte[] Image)> Edits { get; } = new();

    /// <summary>Gets every image part of each edit (<c>image</c> or the repeated <c>image[]</c>), in the order sent.</summary>
    public ConcurrentQueue<IReadOnlyList<byte[]>> EditImages { get; } = new();

    public static async Task<FakeOpenAI> StartAsync()
    {
        FakeOpenAI? fake = null;
        var server = await LoopbackHttpServer.StartAsync((context, request) => fake!.HandleAsync(context, request));
        fake = new FakeOpenAI(server);
        return fake;
    }

    /// <summary>Answers the next calls with these statuses (429 carries Retry-After: 0).</summary>
    public void Fail(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _faults.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Gets the base an Azure OpenAI resource serves its v1 API under (the same fake, at
    /// <c>/openai/v1/</c>, where a deployment named after its model is the model).</summary>
    public Uri AzureEndpoint => new(_server.Address, "openai/v1/");

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        // Azure OpenAI's v1 API is OpenAI's, one level down.
        if (context.Request.Path.StartsWithSegments("/openai/v1", out var azure))
        {
            context.Request.Path = "/v1" + azure;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (context.Request.Headers.Authorization != "Bearer " + Key)
        {
            await ErrorAsync(context, 401, "Incorrect API key provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key", null);
            return;
        }

        if (_faults.TryDequeue(out var fault))
        {
            if (fault == 429)
            {
                context.Response.Headers["Retry-After"] = "0";
                await ErrorAsync(context, 429, "Rate limit reached for images per minute.", "requests", "rate_limit_exceeded", null);
            }
            else
            {
                await ErrorAsync(context, fault, "The server had an error while processing your request.", "server_error", null, null);
            }

            return;
        }

        if (context.Request.Method == "GET" && context.Request.Path.StartsWithSegments("/v1/models", out var rest))
        {
            var id = rest.Value?.Trim('/') ?? string.Empty;
            if (!Models.Contains(id))
            {
                await ErrorAsync(context, 404, $"The model '{id}' does not exist", "invalid_request_error", "model_not_found", "model");
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["id"] = id, ["object"] = "model", ["created"] = 1_698_785_189, ["owned_by"] = "system" }.ToJsonString());
            return;
        }

        if (context.Request.Path.Value == "/v1/chat/completions")
        {
            await ChatAsync(context, request);
            return;
        }

        var (fields, files) = Read(context, request);
        var refusal = context.Request.Path.Value switch
        {
            "/v1/images/generations" => CheckGeneration(fields),
            "/v1/images/variations" => CheckVariation(fields, files),
            "/v1/images/edits" => CheckEdit(fields, files),
            _ => ("Invalid URL", "invalid_request_error", "unknown_url", (string?)null),
        };
        if (refusal is { } r)
        {
            await ErrorAsync(context, 400, r.Item1, r.Item2, r.Item3, r.Item4);
            return;
        }

        if (context.Request.Path.Value == "/v1/images/generations")
        {
            Generations.Enqueue((JsonObject)fields.DeepClone());
        }

        if (context.Request.Path.Value == "/v1/images/edits" && Images(files) is [var edited, ..] all)
        {
            Edits.Enqueue(((JsonObject)fields.DeepClone(), edited));
            EditImages.Enqueue(all);
        }

        var (width, height) = Size(fields["size"]?.GetValue<string>() ?? "1024x1024");
        var n = fields["n"]?.GetValue<int>() ?? 1;
        var model = fields["model"]?.GetValue<string>() ?? "dall-e-2";
        var prompt = fields["prompt"]?.GetValue<string>() ?? "variation";
        var data = new JsonArray();
        for (var i = 0; i < n; i++)
        {
            var item = new JsonObject { ["b64_json"] = Convert.ToBase64String(Image(prompt, i, width, height, fields["background"]?.GetValue<string>() == "transparent")) };
            if (model == "dall-e-3")
            {
                item["revised_prompt"] = "A detailed rendering of " + prompt;
            }

            data.Add(item);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["created"] = 1_700_000_000, ["data"] = data }.ToJsonString());
    }

    /// <summary>Gets the image models the fake knows, as OpenAI's OpenAPI document lists them (2026-08).</summary>
    public static IReadOnlySet<string> Models { get; } = new HashSet<string>(StringComparer.Ordinal) { "dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "gpt-image-2", "gpt-image-2-2026-04-21" };

    /// <summary>Gets what the chat model answers a translation request with, by text; texts not listed come back as
    /// "english of {text}".</summary>
    public ConcurrentDictionary<string, string> Translations { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the chat requests prompt magic and translation sent.</summary>
    public ConcurrentQueue<JsonObject> Chats { get; } = new();

    /// <summary>Gets what each vision request asked, and its image, in order.</summary>
    public ConcurrentQueue<(string Text, byte[] Png)> Described { get; } = new();

    /// <summary>Gets the chat models that read images (gpt-4o, gpt-4o-mini, gpt-4.1…); others refuse image parts.</summary>
    public HashSet<string> VisionModels { get; } = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5", "gpt-5-mini"];

    // Chat completions: a model and messages are required; the answer is "count" numbered captions built from the
    // user's words, in the real response shape.
    private async Task ChatAsync(HttpContext context, RecordedRequest request)
    {
        var body = JsonNode.Parse(request.BodyBytes) as JsonObject ?? [];
        if (body["model"] is null || body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            await ErrorAsync(context, 400, "'messages' is a required property", "invalid_request_error", null, "messages");
            return;
        }

        Chats.Enqueue(body);
        string lines;
        if (messages[^1]!["content"] is JsonArray parts)
        {
            // Vision: text and image_url parts (the image as a data: URL), answered with prompts that name the image's
            // mean colour, so a test sees the image arrived. Models without vision refuse image parts, as OpenAI does.
            if (!VisionModels.Contains(body["model"]!.GetValue<string>()))
            {
                await ErrorAsync(context, 400, "Invalid content type. image_url is only supported by certain models.", "invalid_request_error", null, "messages.[1].content.[1].type");
                return;
            }

            var text = parts.First(static p => p!["type"]!.GetValue<string>() == "text")!["text"]!.GetValue<string>();
            var url = parts.First(static p => p!["type"]!.GetValue<string>() == "image_url")!["image_url"]!["url"]!.GetValue<string>();
            var png = Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]);
            Described.Enqueue((text, png));
            var pixels = ((Imaging.Png.PngDecodeResult.Success)Imaging.Png.PngDecoder.Decode(png)).Image.Pixels.Pixels;
            var mean = Enumerable.Range(0, 3).Select(c => (int)Math.Round(pixels.Where((_, i) => i % 4 == c).Average(static b => (double)b))).ToArray();
            var count = int.Parse(text.Split(' ')[1], CultureInfo.InvariantCulture);
            lines = string.Join('\n', Enumerable.Range(1, count).Select(i => $"{i}. a picture in rgb({mean[0]}, {mean[1]}, {mean[2]}), take {Described.Count}.{i}, flat colour"));
        }
        else if (messages[0]!["content"]!.GetValue<string>().StartsWith("You translate prompts", StringComparison.Ordinal))
        {
            // Translation: "N: text" lines answered "N: translation", from what the test set, else marked as English.
            lines = string.Join('\n', messages[^1]!["content"]!.GetValue<string>().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
            {
                var colon = l.IndexOf(": ", StringComparison.Ordinal);
                var text = l[(colon + 2)..];
                return $"{l[..colon]}: {(Translations.TryGetValue(text, out var english) ? english : $"english of {text}")}";
            }));
        }
        else
        {
            var ask = messages[^1]!["content"]!.GetValue<string>();
            var count = int.Parse(ask.Split(' ')[1], CultureInfo.InvariantCulture);
            var subject = ask[(ask.IndexOf("for: ", StringComparison.Ordinal) + 5)..];
            lines = string.Join('\n', Enumerable.Range(1, count).Select(i => $"{i}. A photo of {subject}, take {i}, soft morning light."));
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = body["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = lines },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 60, ["total_tokens"] = 110 },
        }.ToJsonString());
    }

    private static (string Message, string Type, string? Code, string? Param)? CheckGeneration(JsonObject body)
    {
        var model = body["model"]?.GetValue<string>();
        var size = body["size"]?.GetValue<string>() ?? "1024x1024";
        var n = body["n"]?.GetValue<int>() ?? 1;
        var prompt = body["prompt"]?.GetValue<string>() ?? string.Empty;
        if (prompt.Contains("forbidden", StringComparison.OrdinalIgnoreCase))
        {
            return ("Your request was rejected as a result of our safety system.", "invalid_request_error", "content_policy_violation", null);
        }

        return model switch
        {
            "dall-e-3" when n != 1 => ("You must provide n=1 for this model.", "invalid_request_error", null, "n"),
            "dall-e-3" when size is not ("1024x1024" or "1792x1024" or "1024x1792") => ($"'{size}' is not one of ['1024x1024', '1024x1792', '1792x1024'] - 'size'", "invalid_request_error", null, "size"),
            "dall-e-3" when body["quality"]?.GetValue<string>() is { } q && q is not ("standard" or "hd") => ($"Invalid quality '{q}'.", "invalid_request_error", null, "quality"),
            "dall-e-3" when body["style"]?.GetValue<string>() is { } s && s is not ("vivid" or "natural") => ($"Invalid style '{s}'.", "invalid_request_error", null, "style"),
            "dall-e-2" when n is < 1 or > 10 => ("n must be between 1 and 10.", "invalid_request_error", null, "n"),
            "dall-e-2" when size is not ("256x256" or "512x512" or "1024x1024") => ($"'{size}' is not one of ['256x256', '512x512', '1024x1024'] - 'size'", "invalid_request_error", null, "size"),
            "dall-e-2" when body["style"] is not null || body["quality"] is not null => ("style and quality are not supported for dall-e-2.", "invalid_request_error", null, "style"),
            _ when model is not null && model.StartsWith("gpt-image", StringComparison.Ordinal) && Models.Contains(model) => CheckGptImage(model, body, size, n),
            "dall-e-3" or "dall-e-2" when body["moderation"] is not null || body["background"] is not null || body["output_format"] is not null => ("Unknown parameter: 'moderation', 'background' and 'output_format' are for the GPT image models.", "invalid_request_error", "unknown_parameter", "moderation"),
            "dall-e-3" or "dall-e-2" => null,
            _ => ($"The model '{model}' does not exist or you do not have access to it.", "invalid_request_error", "model_not_found", "model"),
        };
    }

    // The GPT image models (OpenAI's OpenAPI document): base64 only, no style, quality low/medium/high/auto, n 1–10,
    // the three standard sizes or auto; gpt-image-2 any WIDTHxHEIGHT with both sides multiples of 16, the ratio within
    // 1:3 … 3:1, no side over 3840 and 655,360 to 8,294,400 pixels.
    private static (string, string, string?, string?)? CheckGptImage(string model, JsonObject body, string size, int n)
    {
        if (body["response_format"] is not null)
        {
            return ("Unknown parameter: 'response_format'.", "invalid_request_error", "unknown_parameter", "response_format");
        }

        if (body["style"] is not null)
        {
            return ("Unknown parameter: 'style'.", "invalid_request_error", "unknown_parameter", "style");
        }

        if (body["moderation"]?.GetValue<string>() is { } m && m is not ("low" or "auto"))
        {
            return ($"Invalid value: '{m}'. Supported values are: 'low' and 'auto'.", "invalid_request_error", "invalid_value", "moderation");
        }

        if (body["background"]?.GetValue<string>() is { } background)
        {
            if (background is not ("transparent" or "opaque" or "auto"))
            {
                return ($"Invalid value: '{background}'. Supported values are: 'transparent', 'opaque', and 'auto'.", "invalid_request_error", "invalid_value", "background");
            }

            // The image guide: gpt-image-2 does not support transparent backgrounds; transparency needs png or webp.
            if (background == "transparent" && model.StartsWith("gpt-image-2", StringComparison.Ordinal))
            {
                return ("Transparent background is not supported for this model.", "invalid_request_error", "unsupported_value", "background");
            }

            if (background == "transparent" && body["output_format"]?.GetValue<string>() is "jpeg")
            {
                return ("Transparent background requires output_format png or webp.", "invalid_request_error", "invalid_value", "output_format");
            }
        }

        if (body["quality"]?.GetValue<string>() is { } q && q is not ("low" or "medium" or "high" or "auto"))
        {
            return ($"Invalid value: '{q}'. Supported values are: 'low', 'medium', 'high', and 'auto'.", "invalid_request_error", "invalid_value", "quality");
        }

        if (n is < 1 or > 10)
        {
            return ("n must be between 1 and 10.", "invalid_request_error", null, "n");
        }

        if (size is "1024x1024" or "1536x1024" or "1024x1536" or "auto")
        {
            return null;
        }

        if (!model.StartsWith("gpt-image-2", StringComparison.Ordinal))
        {
            return ($"Invalid value: '{size}'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.", "invalid_request_error", "invalid_value", "size");
        }

        var parts = size.Split('x');
        var free = parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w > 0 && h > 0 && w % 16 == 0 && h % 16 == 0 && Math.Max(w, h) <= 3840 && Math.Max(w, h) <= 3 * Math.Min(w, h) && (long)w * h is >= 655_360 and <= 8_294_400;
        return free ? null : ($"Invalid size '{size}'. Width and height must both be divisible by 16, the aspect ratio between 1:3 and 3:1, the longest edge at most 3840 and the total pixels between 655360 and 8294400.", "invalid_request_error", "invalid_value", "size");
    }

    private static (string, string, string?, string?)? CheckVariation(JsonObject fields, Dictionary<string, List<byte[]>> files)
    {
        if (fields["model"]?.GetValue<string>() is { } model && model != "dall-e-2")
        {
            return ("Variations are only supported for dall-e-2.", "invalid_request_error", null, "model");
        }

        return CheckPng(files, 4, square: true);
    }

    private static (string, string, string?, string?)? CheckEdit(JsonObject fields, Dictionary<string, List<byte[]>> files)
    {
        if (string.IsNullOrEmpty(fields["prompt"]?.GetValue<string>()))
        {
            return ("Missing required parameter: 'prompt'.", "invalid_request_error", null, "prompt");
        }

        var model = fields["model"]?.GetValue<string>() ?? "dall-e-2";

        // The multipart edit (CreateImageEditRequest) has no moderation field; only the JSON edit body does.
        if (fields["moderation"] is not null)
        {
            return ("Unknown parameter: 'moderation'.", "invalid_request_error", "unknown_parameter", "moderation");
        }

        if (!model.StartsWith("gpt-image", StringComparison.Ordinal))
        {
            // dall-e-2 takes one square PNG under 4 MB.
            return Images(files).Count > 1 ? ("dall-e-2 takes one image.", "invalid_request_error", null, "image") : CheckPng(files, 4, square: true);
        }

        if (CheckGptImage(model, fields, fields["size"]?.GetValue<string>() ?? "1024x1024", fields["n"]?.GetValue<int>() ?? 1) is { } refused)
        {
            return refused;
        }

        // input_fidelity: "only supported for gpt-image-1 and gpt-image-1.5 and later models, unsupported for
        // gpt-image-1-mini"; gpt-image-2 reads every input at high fidelity and does not allow changing it.
        if (fields["input_fidelity"]?.GetValue<string>() is { } fidelity)
        {
            if (model.StartsWith("gpt-image-1-mini", StringComparison.Ordinal) || model.StartsWith("gpt-image-2", StringComparison.Ordinal))
            {
                return ($"input_fidelity is not supported for {model}.", "invalid_request_error", "unsupported_parameter", "input_fidelity");
            }

            if (fidelity is not ("high" or "low"))
            {
                return ($"Invalid value: '{fidelity}'. Supported values are: 'high' and 'low'.", "invalid_request_error", "invalid_value", "input_fidelity");
            }
        }

        // The GPT image models: up to 16 images, each under 50 MB, any shape.
        var images = Images(files);
        if (images.Count > 16)
        {
            return ("You can provide up to 16 images.", "invalid_request_error", null, "image");
        }

        return images.Count == 0
            ? CheckPng(files, 50, square: false)
            : images.Select(i => CheckPng(new Dictionary<string, List<byte[]>> { ["image"] = [i] }, 50, square: false)).FirstOrDefault(static r => r is not null);
    }

    private static (string, string, string?, string?)? CheckPng(Dictionary<string, List<byte[]>> files, int megabytes, bool square)
    {
        if (Images(files) is not [var png, ..])
        {
            return ("Missing required parameter: 'image'.", "invalid_request_error", null, "image");
        }

        if (png.Length > megabytes * 1024 * 1024)
        {
            return ($"Uploaded image must be less than {megabytes} MB.", "invalid_request_error", null, "image");
        }

        return PngDecoder.Decode(png) switch
        {
            PngDecodeResult.Success { Image.Pixels: var p } when p.Width == p.Height || !square => null,
            PngDecodeResult.Success => ("Uploaded image must be square.", "invalid_request_error", null, "image"),
            _ => ("Uploaded image must be a valid PNG.", "invalid_request_error", "invalid_image_format", "image"),
        };
    }

    private static List<byte[]> Images(Dictionary<string, List<byte[]>> files) =>
        [.. files.GetValueOrDefault("image") ?? [], .. files.GetValueOrDefault("image[]") ?? []];

    // JSON bodies as they are; multipart forms as their text fields plus the file parts (a repeated name, as image[],
    // keeps every part in order).
    private static (JsonObject Fields, Dictionary<string, List<byte[]>> Files) Read(HttpContext context, RecordedRequest request)
    {
        var files = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        if (context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) != true)
        {
            return (JsonNode.Parse(request.BodyBytes) as JsonObject ?? [], files);
        }

        var fields = new JsonObject();
        var boundary = "--" + context.Request.ContentType.Split("boundary=")[1].Trim('"');
        var text = Encoding.Latin1.GetString(request.BodyBytes);
        foreach (var part in text.Split(boundary).Where(static p => p.Contains("Content-Disposition", StringComparison.Ordinal)))
        {
            var head = part[..part.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
            var body = part[(head.Length + 4)..^2];
            var name = head.Split("name=")[1].Split(';')[0].Trim().Trim('"');
            if (head.Contains("filename=", StringComparison.Ordinal))
            {
                (files.TryGetValue(name, out var list) ? list : files[name] = []).Add(Encoding.Latin1.GetBytes(body));
            }
            else
            {
                fields[name] = int.TryParse(body, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && name == "n" ? number : body;
            }
        }

        return (fields, files);
    }

    private static (int Width, int Height) Size(string size) =>
        size == "auto" ? (1024, 1024) : (int.Parse(size.Split('x')[0], CultureInfo.InvariantCulture), int.Parse(size.Split('x')[1], CultureInfo.InvariantCulture));

    // Small stand-in pictures at the requested size (the colour from the prompt), cheap to encode.
    // A transparent background is a clear border a tenth of each side wide around an opaque subject.
    private static byte[] Image(string prompt, int index, int width, int height, bool transparent = false)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(prompt + index));
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[x * 4] = key[0];
                row[(x * 4) + 1] = (byte)(key[1] ^ (y * 255 / height));
                row[(x * 4) + 2] = key[2];
                var border = x < width / 10 || x >= width - (width / 10) || y < height / 10 || y >= height - (height / 10);
                row[(x * 4) + 3] = transparent && border ? (byte)0 : (byte)255;
            }
        }

        return PngEncoder.Encode(image, new PngEncoderOptions { CompressionLevel = 1 });
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message, string type, string? code, string? param)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code },
        }.ToJsonString());
    }
}
