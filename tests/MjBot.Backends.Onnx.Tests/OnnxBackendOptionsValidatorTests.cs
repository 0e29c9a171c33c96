namespace MjBot.Backends.Onnx.Tests;

public sealed class OnnxBackendOptionsValidatorTests
{
    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneByItsKey()
    {
        var options = new OnnxBackendOptions { ExecutionProvider = "rocm", DeviceId = -1, BatchSize = 3, ModelFolder = " " };

        var failures = new OnnxBackendOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, static f => f.StartsWith("Backends:Onnx:ExecutionProvider is \"rocm\"", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:Onnx:DeviceId", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:Onnx:BatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:Onnx:ModelFolder", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new OnnxBackendOptionsValidator().Validate(null, new OnnxBackendOptions()).Succeeded);
    }
}
