using System.Security.Cryptography;
using System.Text;

namespace MjBot.Backends.ComfyUI;

/// <summary>The prompt id a job's work has on ComfyUI: derived from the job's id, so the same job always names the same
/// prompt (a restart finds it in <c>/queue</c> or <c>/history</c> instead of queueing it twice); and the client id
/// whose WebSocket receives its events.</summary>
internal static class PromptIds
{
    public static string For(string? jobId)
    {
        if (jobId is null)
        {
            return Guid.NewGuid().ToString("D");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mjbot-comfyui-prompt:" + jobId));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    public static string ClientOf(string promptId) => "mjbot-" + promptId;
}
