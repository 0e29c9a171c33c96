using MjBot.Backends.Onnx.Pipeline;

namespace MjBot.Backends.Onnx.Tests;

public sealed class GaussianNoiseTests
{
    [Fact]
    public void NextUInt64_Seed0_MatchesXoshiroSeededBySplitMix()
    {
        // SplitMix64(0) gives e220a8397b1dcdaf, 6e789e6aa1b965f4, 06c45d188009454f, f88bb8a8724c81ec; the first
        // xoshiro256** output is rotl(s1·5, 7)·9.
        var s1 = 0x6e789e6aa1b965f4UL;
        var expected = ulong.RotateLeft(s1 * 5, 7) * 9;
        Assert.Equal(expected, new GaussianNoise(0).NextUInt64());
    }

    [Fact]
    public void Fill_SameSeed_SameNoise()
    {
        float[] a = new float[1000], b = new float[1000];
        new GaussianNoise(1234).Fill(a);
        new GaussianNoise(1234).Fill(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Fill_ManyDraws_StandardNormal()
    {
        var x = new float[200_000];
        new GaussianNoise(7).Fill(x);
        var mean = x.Average(static v => (double)v);
        var variance = x.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
    }
}
