using MjBot.Core.Generation;

namespace MjBot.Core.Ports;

/// <summary>A backend that costs money per image: it says what a request will cost, so a server's daily spending cap
/// can be checked before the request is sent.</summary>
public interface IPricedBackend
{
    /// <summary>What the request will cost, in US dollars.</summary>
    decimal EstimateUsd(GenerationRequest request);
}
