namespace MjBot.Imaging.Tests;

/// <summary>EXIF's eight orientations on a 3×2 image whose pixels are a b c / d e f, against the layouts the EXIF
/// specification draws for each value.</summary>
public sealed class ExifOrientationTests
{
    [Theory]
    [InlineData(1, 3, "abc/def")]
    [InlineData(2, 3, "cba/fed")]
    [InlineData(3, 3, "fed/cba")]
    [InlineData(4, 3, "def/abc")]
    [InlineData(5, 2, "ad/be/cf")]
    [InlineData(6, 2, "da/eb/fc")]
    [InlineData(7, 2, "fc/eb/da")]
    [InlineData(8, 2, "cf/be/ad")]
    [InlineData(0, 3, "abc/def")]
    [InlineData(9, 3, "abc/def")]
    public void Apply_Orientation_PixelsWhereTheSpecificationPutsThem(int orientation, int width, string expected)
    {
        var image = new RgbaImage(3, 2);
        for (var p = 0; p < 6; p++)
        {
            image.Pixels[p * 4] = (byte)('a' + p);
        }

        var turned = ExifOrientation.Apply(image, orientation);

        Assert.Equal(width, turned.Width);
        var rows = Enumerable.Range(0, turned.Height).Select(y => new string([.. Enumerable.Range(0, width).Select(x => (char)turned.Pixels[((y * width) + x) * 4])]));
        Assert.Equal(expected, string.Join('/', rows));
    }
}
