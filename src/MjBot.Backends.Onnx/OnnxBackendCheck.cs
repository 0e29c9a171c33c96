using MjBot.Backends.Onnx.Pipeline;
using MjBot.OnnxRuntime;

namespace MjBot.Backends.Onnx;

/// <summary>Checks the ONNX backend without running a job: the library loads, the default model folder is complete,
/// and (when asked) which execution provider a session of it gets — by opening its VAE decoder, the smallest of its
/// models.</summary>
public static class OnnxBackendCheck
{
    public static OnnxBackendReport Check(OnnxBackendOptions settings, bool openSession)
    {
        ArgumentNullException.ThrowIfNull(settings);
        OrtRuntime runtime;
        try
        {
            runtime = OrtRuntime.Load(settings.LibraryFile);
        }
        catch (OrtException ex)
        {
            return new OnnxBackendReport(null, null, null, [$"{ex.Message} Run eng/fetch-onnxruntime.sh, or set Backends:Onnx:LibraryPath."]);
        }

        var folder = settings.FolderOf(settings.DefaultModel);
        var problems = StableDiffusionModel.Problems(folder)
            .Select(p => $"the default model \"{settings.DefaultModel}\" ({folder}): {p}. Put a Stable Diffusion ONNX export there (see the README's ONNX section), or set Backends:Onnx:ModelFolder, DefaultModel and Models.")
            .ToList();
        if (problems.Count > 0 || !openSession)
        {
            return new OnnxBackendReport(runtime.Version, null, null, problems);
        }

        var settingsForSession = new OrtSessionSettings { Provider = settings.Provider, DeviceId = settings.DeviceId, GpuMemoryLimitBytes = settings.GpuMemoryLimitBytes };
        try
        {
            using var session = runtime.OpenSession(Path.Combine(folder, "vae_decoder", "model.onnx"), settingsForSession);
            return new OnnxBackendReport(runtime.Version, session.ExecutionProvider, session.FallbackReason, []);
        }
        catch (OrtException ex)
        {
            return new OnnxBackendReport(runtime.Version, null, null, [$"the default model's vae_decoder/model.onnx does not load: {ex.Message}"]);
        }
    }
}
