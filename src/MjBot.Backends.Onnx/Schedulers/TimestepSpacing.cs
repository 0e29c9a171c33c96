namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>How inference timesteps are spread over the training steps (diffusers' <c>timestep_spacing</c>).</summary>
public enum TimestepSpacing
{
    /// <summary><c>linspace(0, T−1, N)</c> reversed (fractional timesteps).</summary>
    Linspace,

    /// <summary><c>arange(N)·(T//N) + 1</c> reversed.</summary>
    Leading,

    /// <summary><c>round(arange(T, 0, −T/N)) − 1</c>: starts at T−1 (SD-Turbo).</summary>
    Trailing,
}
