namespace MjBot.Backends.ComfyUI;

/// <summary>Turns ComfyUI's <c>progress</c> events into one percentage over the whole graph: each sampler node is an
/// equal share (a grid sampled per image has four), and any other node reporting progress (an upscale model's tiles)
/// counts alone.</summary>
internal sealed class PromptProgress(IReadOnlyList<string> samplers)
{
    public int Percent { get; private set; }

    /// <summary>Reads one event; returns whether the percentage moved.</summary>
    public bool Read(string? node, int value, int max)
    {
        if (max <= 0)
        {
            return false;
        }

        var index = node is null ? -1 : IndexOf(node);
        var share = Math.Clamp(value / (double)max, 0, 1);
        var percent = index < 0 || samplers.Count == 0
            ? (int)(share * 100)
            : (int)((index + share) * 100 / samplers.Count);
        percent = Math.Clamp(percent, 0, 99);
        if (percent == Percent)
        {
            return false;
        }

        Percent = percent;
        return true;
    }

    private int IndexOf(string node)
    {
        for (var i = 0; i < samplers.Count; i++)
        {
            if (samplers[i] == node)
            {
                return i;
            }
        }

        return -1;
    }
}
