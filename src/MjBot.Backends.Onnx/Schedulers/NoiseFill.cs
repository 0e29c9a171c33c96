namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>Fills a span of a batch's latents with step noise (one standard normal per element, each image's share
/// from that image's generator).</summary>
internal delegate void NoiseFill(Span<float> span);
