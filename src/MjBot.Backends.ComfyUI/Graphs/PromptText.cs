using System.Globalization;
using MjBot.Core.Generation;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A prompt as CLIPTextEncode reads it. ComfyUI weighs <c>(words:1.2)</c> itself, so a member's emphasis
/// passes through as written; Midjourney's <c>::</c> parts become <c>(part:weight)</c>, and a part with a negative
/// weight joins the negative prompt with the <c>--no</c> terms and the server's safety terms.</summary>
internal static class PromptText
{
    public static string Positive(GenerationRequest request)
    {
        var segments = request.Request.MultiPrompt;
        if (segments.IsDefaultOrEmpty)
        {
            return request.Request.Prompt;
        }

        return string.Join(", ", segments
            .Where(static s => s.Weight > 0)
            .Select(static s => Math.Abs(s.Weight - 1) < 1e-9 ? s.Text.Trim() : $"({s.Text.Trim()}:{Format(s.Weight)})"));
    }

    public static string Negative(GenerationRequest request)
    {
        var segments = request.Request.MultiPrompt;
        var negativeParts = segments.IsDefaultOrEmpty ? [] : segments.Where(static s => s.Weight < 0).Select(static s => s.Text.Trim());
        return string.Join(", ", request.Request.NegativeTerms.Concat(negativeParts).Concat(request.SafetyNegatives).Where(static t => t.Length > 0));
    }

    private static string Format(double weight) => Math.Round(weight, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
