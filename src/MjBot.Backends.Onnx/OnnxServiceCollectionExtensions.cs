using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
using MjBot.Backends.Onnx.Clip;
using MjBot.Backends.Onnx.Safety;
using MjBot.Backends.Onnx.Translation;
using MjBot.Backends.Onnx.Upscaling;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers local Stable Diffusion on ONNX Runtime.</summary>
public static class OnnxServiceCollectionExtensions
{
    /// <summary>Binds and validates <paramref name="section"/> (the <c>Backends:Onnx</c> section), its folders resolved
    /// against <paramref name="contentRoot"/>, and adds the backend (named <c>onnx</c>). Nothing is loaded until the
    /// first job: a missing library or model is reported by <c>doctor</c> and at startup when it is the default.</summary>
    public static IServiceCollection AddOnnxImageBackend(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        services.AddOptions<OnnxBackendOptions>().Bind(section).ValidateOnStart().PostConfigure(options => options.ResolvePaths(contentRoot));
        services.AddSingleton<IValidateOptions<OnnxBackendOptions>, OnnxBackendOptionsValidator>();
        services.AddSingleton(new BackendRegistration(OnnxImageBackend.BackendName));
        services.AddSingleton(static sp => new OnnxImageBackend(sp.GetRequiredService<IOptions<OnnxBackendOptions>>().Value, sp.GetRequiredService<ILogger<OnnxImageBackend>>()));
        services.AddSingleton<IImageBackend>(static sp => sp.GetRequiredService<OnnxImageBackend>());
        return services;
    }

    /// <summary>Binds and validates <paramref name="section"/> (the <c>Translation</c> section), its folders resolved
    /// against <paramref name="contentRoot"/>, and — when it names any model — adds the local translator that turns
    /// prompts in those languages into English for backends that read only English. A folder that is missing or
    /// incomplete stops the start with the file it lacks.</summary>
    public static IServiceCollection AddOnnxPromptTranslation(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TranslationOptions>().Bind(section).ValidateOnStart().PostConfigure(options => options.ResolvePaths(contentRoot));
        services.AddSingleton<IValidateOptions<TranslationOptions>, TranslationOptionsValidator>();
        if (section.GetSection(nameof(TranslationOptions.Models)).GetChildren().Any())
        {
            services.AddSingleton<IPromptTranslator>(static sp => new OnnxPromptTranslator(sp.GetRequiredService<IOptions<TranslationOptions>>().Value, sp.GetRequiredService<ILogger<OnnxPromptTranslator>>()));
        }

        return services;
    }

    /// <summary>Binds and validates <paramref name="section"/> (the <c>Upscalers</c> section), its paths resolved against
    /// <paramref name="contentRoot"/>, and — when it names a model — adds the upscaler Upscale (Subtle) and (Creative)
    /// use on every backend's images.</summary>
    public static IServiceCollection AddOnnxUpscaler(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<UpscalerOptions>().Bind(section).ValidateOnStart().PostConfigure(options => options.ResolvePaths(contentRoot));
        services.AddSingleton<IValidateOptions<UpscalerOptions>, UpscalerOptionsValidator>();
        if (section.GetSection(nameof(UpscalerOptions.Models)).GetChildren().Any())
        {
            services.AddSingleton<IImageUpscaler>(static sp => new OnnxImageUpscaler(sp.GetRequiredService<IOptions<UpscalerOptions>>().Value, sp.GetRequiredService<ILogger<OnnxImageUpscaler>>()));
        }

        return services;
    }

    /// <summary>Binds and validates <paramref name="section"/> (the <c>SafetyChecker</c> section), its path resolved
    /// against <paramref name="contentRoot"/>, and — when it names a model — adds the safety checker that judges local
    /// models' images before they are posted.</summary>
    public static IServiceCollection AddOnnxSafetyChecker(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<SafetyCheckerOptions>().Bind(section).ValidateOnStart().PostConfigure(options => options.ResolvePaths(contentRoot));
        services.AddSingleton<IValidateOptions<SafetyCheckerOptions>, SafetyCheckerOptionsValidator>();
        if (!string.IsNullOrWhiteSpace(section[nameof(SafetyCheckerOptions.Model)]))
        {
            services.AddSingleton<IImageSafetyChecker>(static sp => new OnnxSafetyChecker(sp.GetRequiredService<IOptions<SafetyCheckerOptions>>().Value, sp.GetRequiredService<ILogger<OnnxSafetyChecker>>()));
        }

        return services;
    }

    /// <summary>Binds and validates <paramref name="section"/> (the <c>Clip</c> section), its folder resolved against
    /// <paramref name="contentRoot"/>, and — when it names a model — adds the CLIP encoder that scores images against
    /// their prompts.</summary>
    public static IServiceCollection AddOnnxClip(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ClipOptions>().Bind(section).ValidateOnStart().PostConfigure(options => options.ResolvePaths(contentRoot));
        services.AddSingleton<IValidateOptions<ClipOptions>, ClipOptionsValidator>();
        if (!string.IsNullOrWhiteSpace(section[nameof(ClipOptions.Model)]))
        {
            services.AddSingleton<IClipEncoder>(static sp => new OnnxClipEncoder(sp.GetRequiredService<IOptions<ClipOptions>>().Value, sp.GetRequiredService<ILogger<OnnxClipEncoder>>()));
        }

        return services;
    }
}
