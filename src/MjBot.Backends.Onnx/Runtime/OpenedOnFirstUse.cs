namespace MjBot.Backends.Onnx.Runtime;

/// <summary>A model opened the first time it is needed and kept; one that fails to open is not kept, so the next use
/// tries again (after its file is fixed). Safe to use from several threads.</summary>
internal sealed class OpenedOnFirstUse<T>(Func<T> open) : IDisposable
    where T : class, IDisposable
{
    private readonly Lock _opening = new();
    private T? _model;

    public T Get()
    {
        lock (_opening)
        {
            return _model ??= open();
        }
    }

    public void Dispose()
    {
        lock (_opening)
        {
            _model?.Dispose();
            _model = null;
        }
    }
}
