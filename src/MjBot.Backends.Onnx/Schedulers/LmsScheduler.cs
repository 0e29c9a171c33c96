namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>Linear multistep (order 4, fewer at the start): x ← x + Σ c_k·d_{i−k}, where c_k integrates the
/// Lagrange basis polynomial through the last σ's over [σ_i, σ_{i+1}] (exactly, by Gauss–Legendre quadrature, since
/// the integrand is a polynomial of degree ≤ 3).</summary>
internal sealed class LmsScheduler(NoiseSchedule schedule, int steps, TimestepSpacing spacing)
    : SigmaScheduler(schedule, steps, spacing)
{
    private const int Order = 4;
    private static readonly double[] GaussNodes = [-0.861136311594053, -0.339981043584856, 0.339981043584856, 0.861136311594053];
    private static readonly double[] GaussWeights = [0.347854845137454, 0.652145154862546, 0.652145154862546, 0.347854845137454];
    private readonly List<float[]> _derivatives = [];

    /// <summary>The coefficient of the derivative <paramref name="current"/> steps back, at <paramref name="step"/>.</summary>
    public double Coefficient(int order, int step, int current)
    {
        double Basis(double tau)
        {
            var product = 1.0;
            for (var k = 0; k < order; k++)
            {
                if (k != current)
                {
                    product *= (tau - Sigmas[step - k]) / (Sigmas[step - current] - Sigmas[step - k]);
                }
            }

            return product;
        }

        double a = Sigmas[step], b = Sigmas[step + 1];
        var sum = 0.0;
        for (var i = 0; i < GaussNodes.Length; i++)
        {
            sum += GaussWeights[i] * Basis(((b - a) / 2 * GaussNodes[i]) + ((a + b) / 2));
        }

        return sum * (b - a) / 2;
    }

    public override void Step(int step, ReadOnlySpan<float> epsilon, Span<float> sample, Span<float> denoised, NoiseFill fillNoise)
    {
        _derivatives.Add(Derivative(Sigmas[step], epsilon, sample, denoised));
        if (_derivatives.Count > Order)
        {
            _derivatives.RemoveAt(0);
        }

        var order = Math.Min(step + 1, Order);
        for (var k = 0; k < order; k++)
        {
            var c = Coefficient(order, step, k);
            var d = _derivatives[^(k + 1)];
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] += (float)(c * d[i]);
            }
        }
    }
}
