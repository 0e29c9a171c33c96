namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>What <c>/queue</c> says: the prompt ids running and waiting (every client's).</summary>
internal sealed record QueueState(IReadOnlyList<string> Running, IReadOnlyList<string> Pending)
{
    public int Length => Running.Count + Pending.Count;

    public bool Holds(string promptId) => Running.Contains(promptId) || Pending.Contains(promptId);
}
