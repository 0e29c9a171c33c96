namespace MjBot.Imaging;

/// <summary>An 8-bit RGBA image, row-major, four bytes per pixel, no padding.</summary>
public sealed class RgbaImage
{
    /// <summary>Initializes a new instance of the <see cref="RgbaImage"/> class over existing pixels.</summary>
    /// <param name="width">Width in pixels (at least 1).</param>
    /// <param name="height">Height in pixels (at least 1).</param>
    /// <param name="pixels">width × height × 4 bytes.</param>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * 4)
        {
            throw new ArgumentException($"Expected {(long)width * height * 4} bytes for {width}×{height} RGBA, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Initializes a new instance of the <see cref="RgbaImage"/> class, transparent black.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public RgbaImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 4)])
    {
    }

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the pixels: RGBA, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Gets the bytes of one row.</summary>
    public int Stride => Width * 4;

    /// <summary>Gets row <paramref name="y"/>.</summary>
    /// <param name="y">The row, from 0 at the top.</param>
    /// <returns>The row's bytes.</returns>
    public Span<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);

    /// <summary>Gets whether every pixel is fully opaque.</summary>
    public bool IsOpaque
    {
        get
        {
            var pixels = Pixels.AsSpan();
            for (var i = 3; i < pixels.Length; i += 4)
            {
                if (pixels[i] != 255)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
