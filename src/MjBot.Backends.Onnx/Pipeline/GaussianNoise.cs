namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Deterministic standard-normal noise: xoshiro256** seeded through SplitMix64, turned into normals by
/// Box–Muller (both outputs used, in order). Not System.Random, whose seeded sequence may change between .NET
/// versions: the same seed gives the same noise on every platform and version.</summary>
internal sealed class GaussianNoise
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spare;

    public GaussianNoise(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next uniform double in (0, 1] (53 random bits).</summary>
    public double NextUniform() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>The next standard normal.</summary>
    public double NextNormal()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        var radius = Math.Sqrt(-2 * Math.Log(NextUniform()));
        var angle = 2 * Math.PI * NextUniform();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="span"/> with standard normals, in order.</summary>
    public void Fill(Span<float> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (float)NextNormal();
        }
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
