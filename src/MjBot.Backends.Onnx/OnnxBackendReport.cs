namespace MjBot.Backends.Onnx;

/// <summary>What <c>mjbot doctor</c> and the start-up check learn about the ONNX backend.</summary>
/// <param name="RuntimeVersion">ONNX Runtime's version, or null when the library did not load.</param>
/// <param name="ExecutionProvider">The provider a session of the default model runs on, or null when none was opened.</param>
/// <param name="FallbackReason">Why CUDA was wanted but not used, or null.</param>
/// <param name="Problems">What stops the backend from working, each with its fix; empty when it is ready.</param>
public sealed record OnnxBackendReport(string? RuntimeVersion, string? ExecutionProvider, string? FallbackReason, IReadOnlyList<string> Problems);
