namespace MjBot.OnnxRuntime;

/// <summary>ONNX Runtime's graph optimisation levels.</summary>
public enum GraphOptimizationLevel
{
    Disabled = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
