namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>What the UNet predicts (scheduler_config.json's <c>prediction_type</c>).</summary>
internal enum PredictionType
{
    /// <summary>The noise ε (SD 1.x, SD 2.x base 512, SDXL).</summary>
    Epsilon,

    /// <summary>v = α·ε − σ·x₀ (SD 2.x 768-v); the pipeline turns it into ε = α·v + σ·x for every sampler.</summary>
    VPrediction,
}
