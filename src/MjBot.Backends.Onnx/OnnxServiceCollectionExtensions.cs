using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Backends.Onnx;
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
}
