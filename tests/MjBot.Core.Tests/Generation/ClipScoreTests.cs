using MjBot.Core.Generation;

namespace MjBot.Core.Tests.Generation;

public sealed class ClipScoreTests
{
    [Fact]
    public void Of_SameDirection_100WhateverTheLength() => Assert.Equal(100, ClipScore.Of([1, 2, 3], [2, 4, 6]), 6);

    [Fact]
    public void Of_Opposite_ZeroNotNegative() => Assert.Equal(0, ClipScore.Of([1, 0], [-1, 0]));

    [Fact]
    public void Of_Perpendicular_Zero() => Assert.Equal(0, ClipScore.Of([1, 0], [0, 1]), 6);

    [Fact]
    public void Cosine_AllZeros_Zero() => Assert.Equal(0, ClipScore.Cosine([0, 0], [1, 1]));

    [Fact]
    public void Cosine_DifferentLengths_Refused() => Assert.Throws<ArgumentException>(() => ClipScore.Cosine([1, 0], [1, 0, 0]));
}
