using MjBot.Discord;
using Microsoft.Extensions.Configuration;
using MjBot.Backends.ComfyUI;
using MjBot.Backends.Onnx;
using MjBot.Backends.Onnx.Clip;
using MjBot.Backends.Onnx.Safety;
using MjBot.Backends.Onnx.Translation;
using MjBot.Backends.Onnx.Upscaling;
using MjBot.Backends.OpenAI;
using MjBot.Core.Security;
using MjBot.Discord.Rest;

namespace MjBot.Doctor;

/// <summary>The checks <c>mjbot doctor</c> runs. Each either passes, fails with a fix, or says plainly why it was
/// not checked.</summary>
internal static class DoctorChecks
{
    public static DoctorCheck ConfigurationValid(IReadOnlyList<string> problems) =>
        problems.Count == 0
            ? DoctorCheck.Pass("Configuration", "valid")
            : DoctorCheck.Fail("Configuration", $"{problems.Count} problem(s): " + string.Join(" ", problems),
                "edit appsettings.json (from appsettings.example.json), MjBot__Section__Key environment variables or .env");

    public static DoctorCheck DataFolderWritable(string contentRoot, IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration["Storage:DataFolder"] is { Length: > 0 } configured ? configured : "data", contentRoot);
        var probe = Path.Combine(folder, $".doctor-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return DoctorCheck.Pass("Data folder", $"{folder} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return DoctorCheck.Fail("Data folder", $"{folder} is not writable: {ex.Message}",
                "create the folder and give MjBot's user write access, or set Storage:DataFolder to another folder");
        }
    }

    public static async Task<DoctorCheck> DiscordTokenAsync(IConfiguration configuration, SecretRedactor redactor)
    {
        var token = configuration["Discord:Token"];
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = token });
        if (result.Failed)
        {
            return DoctorCheck.Fail("Discord token", result.FailureMessage, "set Discord:Token (MjBot__Discord__Token in the environment or .env)");
        }

        var baseAddress = Uri.TryCreate(configuration["Discord:ApiBaseAddress"], UriKind.Absolute, out var configured) ? configured : new DiscordOptions().ApiBaseAddress;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var client = new DiscordRestClient(http, new RateLimitTracker(TimeProvider.System, new RateLimitOptions()), TimeProvider.System,
            new DiscordOptions { ApiBaseAddress = baseAddress, Token = token, MaxRetries = 1 });
        try
        {
            var user = await client.GetCurrentUserAsync(CancellationToken.None);
            return DoctorCheck.Pass("Discord token", $"accepted by Discord: signed in as {user.Username} ({user.Id})");
        }
        catch (DiscordApiException ex) when (ex.Status == 401)
        {
            return DoctorCheck.Fail("Discord token", "Discord rejected the token (401 Unauthorized)",
                "reset the token in the Developer Portal (your application → Bot → Reset Token) and update Discord:Token");
        }
        catch (DiscordApiException ex)
        {
            return DoctorCheck.Fail("Discord token", redactor.Redact(ex.Message), "try again in a minute; if it persists, see https://discordstatus.com");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return DoctorCheck.Fail("Discord token", $"Discord could not be reached at {baseAddress}: {redactor.Redact(ex.Message)}",
                "check this machine's network access to discord.com (or Discord:ApiBaseAddress)");
        }
    }

    public static async Task<DoctorCheck> OpenAIKeyAsync(IConfiguration configuration)
    {
        var openai = configuration.GetSection(OpenAIBackendOptions.SectionName).Get<OpenAIBackendOptions>() ?? new OpenAIBackendOptions();
        if (string.IsNullOrWhiteSpace(openai.ApiKey))
        {
            return DoctorCheck.NotChecked("OpenAI key", "not set; needed only for the openai backend");
        }

        if (!string.IsNullOrWhiteSpace(openai.Endpoint) && !Uri.IsWellFormedUriString(openai.Endpoint, UriKind.Absolute))
        {
            return DoctorCheck.Fail("OpenAI key", "not checked: Backends:OpenAI:Endpoint is not an address", "fix Backends:OpenAI:Endpoint");
        }

        var (ok, detail) = await OpenAIKeyCheck.CheckAsync(openai, CancellationToken.None);
        return ok
            ? DoctorCheck.Pass("OpenAI key", detail)
            : DoctorCheck.Fail("OpenAI key", detail, "set Backends:OpenAI:ApiKey (and, for Azure, Endpoint and AzureDeployment); see the README's OpenAI section");
    }

    public static async Task<DoctorCheck> ComfyUIAsync(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(ComfyUIOptions.SectionName).Get<ComfyUIOptions>() ?? new ComfyUIOptions();
        if (options.Servers.Count == 0)
        {
            return DoctorCheck.NotChecked("ComfyUI", "no servers; needed only for the comfyui backend");
        }

        options.ResolvePaths(contentRoot);
        var (ok, lines) = await ComfyUICheck.CheckAsync(options, CancellationToken.None);
        var detail = string.Join(" ", lines);
        return ok
            ? DoctorCheck.Pass("ComfyUI", detail)
            : DoctorCheck.Fail("ComfyUI", detail, "start the servers, put the files the aliases name in their model folders; see the README's \"ComfyUI\" section");
    }

    public static DoctorCheck Onnx(IConfiguration configuration, string contentRoot)
    {
        var onnx = configuration.GetSection(OnnxBackendOptions.SectionName).Get<OnnxBackendOptions>() ?? new OnnxBackendOptions();
        onnx.ResolvePaths(contentRoot);
        var diagnosis = OnnxBackendCheck.Check(onnx, openSession: true);
        var isDefault = (configuration["Backends:Default"] is { Length: > 0 } d ? d : "onnx") == "onnx";
        if (diagnosis.Problems.Count > 0 && !isDefault)
        {
            return DoctorCheck.NotChecked("ONNX Runtime", "not needed: the default backend is not onnx (" + string.Join(" ", diagnosis.Problems) + ")");
        }

        if (diagnosis.Problems.Count > 0)
        {
            var runtime = diagnosis.RuntimeVersion is { } v ? $"ONNX Runtime {v}; " : string.Empty;
            return DoctorCheck.Fail("ONNX Runtime", runtime + string.Join(" ", diagnosis.Problems), "see the README's \"Stable Diffusion on ONNX Runtime\" section");
        }

        var fallback = diagnosis.FallbackReason is { } why && onnx.ExecutionProvider != "cpu" ? $" ({onnx.ExecutionProvider} asked for, not usable: {why})" : string.Empty;
        return DoctorCheck.Pass("ONNX Runtime", $"ONNX Runtime {diagnosis.RuntimeVersion} (providers: {string.Join(", ", diagnosis.AvailableProviders)}); model \"{onnx.DefaultModel}\" ({diagnosis.Family}) is complete; runs on {diagnosis.ExecutionProvider}{fallback}");
    }

    public static DoctorCheck Translation(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(TranslationOptions.SectionName).Get<TranslationOptions>() ?? new TranslationOptions();
        options.ResolvePaths(contentRoot);
        if (options.Models.Count == 0)
        {
            return DoctorCheck.NotChecked("Translation", "no local translation model: prompts in other scripts go to the OpenAI chat model when it is set up, or to Stable Diffusion as written");
        }

        var lines = TranslationCheck.Check(options);
        var detail = string.Join(" ", lines.Select(static l => l.Line));
        return lines.Any(static l => l.Problem)
            ? DoctorCheck.Fail("Translation", detail, "put a Marian (opus-mt) ONNX export in each folder; see the README's \"Languages\" section")
            : DoctorCheck.Pass("Translation", detail);
    }

    public static DoctorCheck Upscaler(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(UpscalerOptions.SectionName).Get<UpscalerOptions>() ?? new UpscalerOptions();
        options.ResolvePaths(contentRoot);
        return UpscalerCheck.Check(options) switch
        {
            null => DoctorCheck.NotChecked("Upscaler", "no upscaler model: Upscale (Subtle) and (Creative) are a Lanczos resize, labelled so"),
            { Problem: true } found => DoctorCheck.Fail("Upscaler", found.Line, "name a Real-ESRGAN-style ONNX export in Upscalers:Models; see the README's \"Upscaling\" section"),
            var found => DoctorCheck.Pass("Upscaler", found.Value.Line),
        };
    }

    public static DoctorCheck SafetyChecker(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(SafetyCheckerOptions.SectionName).Get<SafetyCheckerOptions>() ?? new SafetyCheckerOptions();
        options.ResolvePaths(contentRoot);
        return SafetyCheckerCheck.Check(options) switch
        {
            null => DoctorCheck.NotChecked("Safety check", "none: local models' images are posted unchecked, except on servers whose /modconfig safety policy asks for the checker (their local jobs are refused)"),
            { Problem: true } found => DoctorCheck.Fail("Safety check", found.Line, "set SafetyChecker:Model to the safety_checker folder of a Stable Diffusion ONNX export; see the README's \"Safety checker\" section"),
            var found => DoctorCheck.Pass("Safety check", found.Value.Line),
        };
    }

    public static DoctorCheck Clip(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(ClipOptions.SectionName).Get<ClipOptions>() ?? new ClipOptions();
        options.ResolvePaths(contentRoot);
        return ClipCheck.Check(options) switch
        {
            null => DoctorCheck.NotChecked("CLIP", "no CLIP model: images are posted without CLIP scores"),
            { Problem: true } found => DoctorCheck.Fail("CLIP", found.Line, "set Clip:Model to a CLIP export with text_model.onnx and vision_model.onnx; see the README's \"CLIP score\" section"),
            var found => DoctorCheck.Pass("CLIP", found.Value.Line),
        };
    }
}
