namespace MjBot.Imaging;

/// <summary>How many columns and rows a grid has.</summary>
/// <param name="Columns">Cells across.</param>
/// <param name="Rows">Cells down.</param>
public readonly record struct GridLayout(int Columns, int Rows)
{
    /// <summary>Gets Midjourney's 2x2 grid.</summary>
    public static GridLayout TwoByTwo { get; } = new(2, 2);

    /// <summary>Chooses the layout for <paramref name="count"/> cells of the given size: 2x2 for three or four,
    /// side by side for two portrait or square cells, stacked for two landscape ones, one cell for one.</summary>
    /// <param name="count">1 to 4.</param>
    /// <param name="cellWidth">Width of one cell.</param>
    /// <param name="cellHeight">Height of one cell.</param>
    /// <returns>The layout.</returns>
    public static GridLayout For(int count, int cellWidth, int cellHeight) => count switch
    {
        1 => new GridLayout(1, 1),
        2 => cellWidth <= cellHeight ? new GridLayout(2, 1) : new GridLayout(1, 2),
        3 or 4 => TwoByTwo,
        _ => throw new ArgumentOutOfRangeException(nameof(count), count, "A grid has one to four cells."),
    };
}
