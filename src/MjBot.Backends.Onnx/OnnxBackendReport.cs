namespace MjBot.Backends.Onnx;

/// <summary>What <c>mjbot doctor</c> and the start-up check learn about the ONNX backend.</summary>
/// <param name="RuntimeVersion">ONNX Runtime's version, or null when its native library did not load.</param>
/// <param name="AvailableProviders">The execution providers this build of ONNX Runtime carries.</param>
/// <param name="Family">The default model's family (SD 1.x, SD 2.x, SDXL), or null when it was not told.</param>
/// <param name="ExecutionProvider">The provider a session of the default model runs on, or null when none was opened.</param>
/// <param name="FallbackReason">Why a GPU provider was wanted but not used (ONNX Runtime's reason), or null.</param>
/// <param name="Problems">What stops the backend from working, each with its fix; empty when it is ready.</param>
public sealed record OnnxBackendReport(string? RuntimeVersion, IReadOnlyList<string> AvailableProviders, string? Family, string? ExecutionProvider, string? FallbackReason, IReadOnlyList<string> Problems);
