using MjBot.Imaging.Png;
using MjBot.Testing.ComfyUI;

namespace MjBot.Testing;

/// <summary>A PNG of one colour, for tests that send an image somewhere and only need to tell it apart.</summary>
public static class SolidPng
{
    public static byte[] Of(int width, int height, byte r, byte g, byte b) =>
        PngEncoder.Encode(StandInImages.Solid(width, height, (r, g, b)));
}
