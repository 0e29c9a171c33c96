namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>The files a model alias loads: an all-in-one checkpoint, or a split diffusion model with its text
/// encoders and VAE.</summary>
internal sealed record ModelFiles(ModelFamily Family, string? Checkpoint, string? Unet, string? Clip, string? Clip2, string? Vae, string WeightDtype)
{
    /// <summary>Gets each file with the <c>/models</c> folder it must be in, for placement on a server that has them.</summary>
    public IEnumerable<(string Folder, string File)> Needs()
    {
        if (Checkpoint is not null)
        {
            yield return ("checkpoints", Checkpoint);
            yield break;
        }

        if (Unet is not null)
        {
            yield return ("diffusion_models", Unet);
        }

        foreach (var clip in new[] { Clip, Clip2 }.OfType<string>())
        {
            yield return ("text_encoders", clip);
        }

        if (Vae is not null)
        {
            yield return ("vae", Vae);
        }
    }
}
