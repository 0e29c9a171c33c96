namespace MjBot.Imaging;

/// <summary>Turns an image stored as a camera wrote it into the way it is meant to be seen, by its EXIF orientation
/// (1 as stored; 2 mirrored; 3 turned half round; 4 flipped; 5 transposed; 6 turned a quarter clockwise; 7 transversed;
/// 8 turned a quarter anticlockwise).</summary>
public static class ExifOrientation
{
    /// <summary>Gets <paramref name="image"/> as it is meant to be seen; orientation 1 (or a value EXIF does not
    /// define) returns it as it is.</summary>
    public static RgbaImage Apply(RgbaImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        var (w, h) = (image.Width, image.Height);
        var turned = orientation >= 5;
        var result = turned ? new RgbaImage(h, w) : new RgbaImage(w, h);
        var from = image.Pixels;
        var to = result.Pixels;
        for (var y = 0; y < result.Height; y++)
        {
            for (var x = 0; x < result.Width; x++)
            {
                var (sx, sy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (y, h - 1 - x),
                    7 => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x),
                };
                Buffer.BlockCopy(from, ((sy * w) + sx) * 4, to, ((y * result.Width) + x) * 4, 4);
            }
        }

        return result;
    }
}
