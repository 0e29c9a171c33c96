namespace MjBot.Backends.Onnx.Tokenization;

/// <summary>A prompt as CLIP reads it.</summary>
/// <param name="Ids">The model's input: start token, content tokens, end token, padding; always the model's length (77).</param>
/// <param name="Count">Content tokens before truncation.</param>
/// <param name="Truncated">Whether content tokens were cut to fit.</param>
/// <param name="CutWords">The words (as cleaned) that did not fit, or an empty string.</param>
public sealed record TokenizedText(IReadOnlyList<int> Ids, int Count, bool Truncated, string CutWords)
{
    /// <summary>Gets each position's emphasis (the model's length), or null when every token weighs 1.</summary>
    public IReadOnlyList<float>? Weights { get; init; }
}
