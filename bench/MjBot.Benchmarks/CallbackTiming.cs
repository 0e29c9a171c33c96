using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MjBot.Discord.Gateway;

namespace MjBot.Benchmarks;

/// <summary>Times each interaction inside the client: stamped when its dispatch is decoded (a handler in front of the
/// dispatcher) and when its callback request enters the HTTP stack (a handler in front of the socket).</summary>
internal sealed class CallbackTiming : DelegatingHandler
{
    private readonly ConcurrentDictionary<ulong, long> _received = new();
    private readonly ConcurrentDictionary<ulong, long> _sent = new();

    public CallbackTiming()
        : base(new SocketsHttpHandler())
    {
    }

    public IGatewayDispatchHandler Wrap(IGatewayDispatchHandler inner) => new Stamp(this, inner);

    public double Milliseconds(ulong interactionId) => Stopwatch.GetElapsedTime(_received[interactionId], _sent[interactionId]).TotalMilliseconds;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var segments = request.RequestUri!.AbsolutePath.Split('/');
        if (segments is [.., "interactions", var id, _, "callback"])
        {
            _sent[ulong.Parse(id, CultureInfo.InvariantCulture)] = Stopwatch.GetTimestamp();
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed class Stamp(CallbackTiming owner, IGatewayDispatchHandler inner) : IGatewayDispatchHandler
    {
        public void OnDispatch(GatewayDispatch dispatch)
        {
            if (dispatch.Name == "INTERACTION_CREATE")
            {
                owner._received[ulong.Parse(dispatch.Data.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)] = Stopwatch.GetTimestamp();
            }

            inner.OnDispatch(dispatch);
        }
    }
}
