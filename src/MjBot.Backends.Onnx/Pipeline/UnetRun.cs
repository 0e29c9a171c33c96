using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Schedulers;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The UNet over one batch's steps: the constant inputs are bound once (on CUDA they stay on the device),
/// each step binds the latents and the timestep, and the prediction comes back as ε with guidance applied
/// (ε = u + g·(c − u)) and v-predictions converted.</summary>
internal sealed class UnetRun : IDisposable
{
    private readonly StableDiffusionModel _model;
    private readonly BoundRun _bound;
    private readonly int _k;
    private readonly int _h;
    private readonly int _w;
    private readonly double[] _guidance;
    private readonly float[]? _extra;

    public UnetRun(StableDiffusionModel model, TextConditioning text, int first, int k, int h, int w, double[] guidance, bool guidanceBatch, float[]? extra)
    {
        _model = model;
        (_k, _h, _w, _guidance, _extra) = (k, h, w, guidance, extra);
        GuidanceBatch = guidanceBatch;
        ConstantInputs = UnetInputs.Constant(model, text, first, k, h * 8, w * 8, guidance, guidanceBatch);
        _bound = model.Unet.Bind();
        foreach (var input in ConstantInputs)
        {
            _bound.Set(input);
        }
    }

    public bool GuidanceBatch { get; }

    /// <summary>Gets the inputs bound once for every step.</summary>
    public IReadOnlyList<NamedTensor> ConstantInputs { get; }

    /// <summary>Gets how many inputs were bound so far (constants once, then two per step).</summary>
    public int Bindings => _bound.Bindings;

    public float[] Predict(DiffusionScheduler scheduler, int step, float[] latents, CancellationToken cancellationToken)
    {
        var scale = scheduler.InputScale(step);
        foreach (var input in UnetInputs.Step(_model, scale, scheduler.Timesteps[step], latents, _k, _h, _w, GuidanceBatch, _extra))
        {
            _bound.Set(input);
        }

        var output = TensorData.ToFloats(_bound.Run(_model.Unet.Outputs[0].Name, cancellationToken));
        var size = DiffusionPipeline.LatentChannels * _h * _w;
        var epsilon = GuidanceBatch ? Guided(output, size) : output;
        if (_model.Profile.Prediction == PredictionType.VPrediction)
        {
            UnetInputs.VToEpsilon(epsilon, latents, scale, scheduler.SignalScale(step));
        }

        return epsilon;
    }

    public void Dispose() => _bound.Dispose();

    private float[] Guided(float[] output, int size)
    {
        var epsilon = new float[_k * size];
        for (var i = 0; i < _k; i++)
        {
            var g = (float)Math.Max(_guidance[i], 1);
            var u = output.AsSpan(i * size, size);
            var c = output.AsSpan((_k + i) * size, size);
            var e = epsilon.AsSpan(i * size, size);
            for (var j = 0; j < size; j++)
            {
                e[j] = u[j] + (g * (c[j] - u[j]));
            }
        }

        return epsilon;
    }
}
