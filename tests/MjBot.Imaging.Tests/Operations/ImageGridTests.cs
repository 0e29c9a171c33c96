namespace MjBot.Imaging.Tests.Operations;

public sealed class ImageGridTests
{
    private static readonly RgbaImage[] Four =
    [
        TestImages.Solid(6, 4, 255, 0, 0), TestImages.Solid(6, 4, 0, 255, 0),
        TestImages.Solid(6, 4, 0, 0, 255), TestImages.Solid(6, 4, 9, 9, 9),
    ];

    [Fact]
    public void Compose_FourImages_PlacesThemInMidjourneyOrder()
    {
        var grid = ImageGrid.Compose(Four);

        Assert.Equal((12, 8), (grid.Width, grid.Height));
        Assert.Equal([255, 0, 0, 255], grid.Row(0)[..4].ToArray());      // 1 top-left
        Assert.Equal([0, 255, 0, 255], grid.Row(0)[(6 * 4)..][..4].ToArray()); // 2 top-right
        Assert.Equal([0, 0, 255, 255], grid.Row(4)[..4].ToArray());      // 3 bottom-left
        Assert.Equal([9, 9, 9, 255], grid.Row(7)[(11 * 4)..].ToArray()); // 4 bottom-right
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void CropTile_EachTile_GivesBackTheImage(int gutter)
    {
        var grid = ImageGrid.Compose(Four, gutter);

        for (var tile = 1; tile <= 4; tile++)
        {
            Assert.Equal(Four[tile - 1].Pixels, ImageGrid.CropTile(grid, tile, GridLayout.TwoByTwo, gutter).Pixels);
        }
    }

    [Fact]
    public void Compose_GutterIsTransparent()
    {
        var grid = ImageGrid.Compose(Four, gutter: 2);

        Assert.Equal((14, 10), (grid.Width, grid.Height));
        Assert.Equal([0, 0, 0, 0], grid.Row(0)[(6 * 4)..][..4].ToArray());
    }

    [Theory]
    [InlineData(4, 6, 2, 1)] // portrait cells side by side
    [InlineData(6, 4, 1, 2)] // landscape cells stacked
    public void Compose_TwoImages_UsesTheLayoutThatFitsTheirShape(int width, int height, int columns, int rows)
    {
        RgbaImage[] two = [TestImages.Solid(width, height, 1, 2, 3), TestImages.Solid(width, height, 4, 5, 6)];

        var grid = ImageGrid.Compose(two);
        var layout = GridLayout.For(2, width, height);

        Assert.Equal(new GridLayout(columns, rows), layout);
        Assert.Equal((columns * width, rows * height), (grid.Width, grid.Height));
        Assert.Equal(two[1].Pixels, ImageGrid.CropTile(grid, 2, layout).Pixels);
    }

    [Fact]
    public void Compose_MixedSizes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ImageGrid.Compose([TestImages.Solid(2, 2, 0, 0, 0), TestImages.Solid(3, 2, 0, 0, 0)]));
    }
}
