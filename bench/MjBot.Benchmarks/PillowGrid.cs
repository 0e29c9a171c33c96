namespace MjBot.Benchmarks;

/// <summary>The grid work in Pillow: <c>python3 -c Script in1 … in4 out N</c> does it once, then N more times and
/// prints the median milliseconds of those N (nothing when N is 0).</summary>
internal static class PillowGrid
{
    public const string Script = """
        import sys, time
        from PIL import Image
        *inputs, output, n = sys.argv[1:]
        def work():
            images = [Image.open(p) for p in inputs]
            for im in images: im.load()
            w, h = images[0].size
            grid = Image.new(images[0].mode, (2 * w, 2 * h))
            for i, im in enumerate(images): grid.paste(im, ((i % 2) * w, (i // 2) * h))
            grid.save(output, "PNG", compress_level=6)
        work()
        times = []
        for _ in range(int(n)):
            t = time.perf_counter(); work(); times.append((time.perf_counter() - t) * 1000)
        if times: times.sort(); print(times[len(times) // 2])
        """;
}
