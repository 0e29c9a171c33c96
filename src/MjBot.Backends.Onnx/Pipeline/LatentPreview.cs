using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>A cheap preview of latents without the VAE: each latent pixel becomes one RGB pixel through a fixed linear
/// projection of the four SD latent channels (the widely used SD 1.x approximation), so a 512² image previews at
/// 64². Previews of a batch are laid out as the grid will be.</summary>
internal static class LatentPreview
{
    private static readonly float[,] Projection =
    {
        { 0.298f, 0.207f, 0.208f },
        { 0.187f, 0.286f, 0.173f },
        { -0.158f, 0.189f, 0.264f },
        { -0.184f, -0.271f, -0.473f },
    };

    public static byte[] Png(ReadOnlySpan<float> latents, int images, int height, int width)
    {
        var plane = height * width;
        var tiles = new List<RgbaImage>(images);
        for (var n = 0; n < Math.Min(images, 4); n++)
        {
            var image = new RgbaImage(width, height);
            var source = latents.Slice(n * 4 * plane, 4 * plane);
            for (var i = 0; i < plane; i++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var v = 0f;
                    for (var k = 0; k < 4; k++)
                    {
                        v += source[(k * plane) + i] * Projection[k, c];
                    }

                    image.Pixels[(i * 4) + c] = (byte)Math.Clamp((v + 1f) * 127.5f, 0f, 255f);
                }

                image.Pixels[(i * 4) + 3] = 255;
            }

            tiles.Add(image);
        }

        return PngEncoder.Encode(ImageGrid.Compose(tiles));
    }
}
