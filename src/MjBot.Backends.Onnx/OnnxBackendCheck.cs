using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx;

/// <summary>Checks the ONNX backend without running a job: ONNX Runtime loads, the default model folder is complete
/// and describes a family MjBot runs, and (when asked) which execution provider a session of it gets — by opening its
/// VAE decoder, the smallest of its models.</summary>
public static class OnnxBackendCheck
{
    public static OnnxBackendReport Check(OnnxBackendOptions settings, bool openSession)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string version;
        IReadOnlyList<string> providers;
        try
        {
            version = SessionFactory.Version;
            providers = SessionFactory.AvailableProviders();
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return new OnnxBackendReport(null, [], null, null, null, [$"ONNX Runtime's native library does not load ({ex.Message}); it ships with MjBot in runtimes/ beside the program: reinstall or republish."]);
        }

        var folder = settings.FolderOf(settings.DefaultModel);
        var problems = StableDiffusionModel.Problems(folder)
            .Select(p => $"the default model \"{settings.DefaultModel}\" ({folder}): {p}. Put a Stable Diffusion ONNX export there (see the README's ONNX section), or set Backends:Onnx:ModelFolder, DefaultModel and Models.")
            .ToList();
        string? family = null;
        if (problems.Count == 0)
        {
            try
            {
                family = ModelFamilyRules.Name(StableDiffusionModel.Describe(folder));
            }
            catch (InvalidDataException ex)
            {
                problems.Add($"the default model \"{settings.DefaultModel}\" is refused: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"the default model's unet/model.onnx cannot be read ({ex.Message}); check the folder's permissions");
            }
        }

        if (problems.Count > 0 || !openSession)
        {
            return new OnnxBackendReport(version, providers, family, null, null, problems);
        }

        var settingsForSession = new SessionSettings { Provider = settings.Provider, DeviceId = settings.DeviceId, GpuMemoryLimitBytes = settings.GpuMemoryLimitBytes };
        try
        {
            using var session = SessionFactory.Open(Path.Combine(folder, "vae_decoder", "model.onnx"), settingsForSession);
            return new OnnxBackendReport(version, providers, family, session.ExecutionProvider, session.FallbackReason, []);
        }
        catch (ModelRuntimeException ex)
        {
            return new OnnxBackendReport(version, providers, family, null, null, [$"the default model's vae_decoder/model.onnx does not load: {ex.Message}"]);
        }
    }
}
