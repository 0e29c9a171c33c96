using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>A backend with a fixed price per job.</summary>
internal sealed class PricedFakeBackend(string name, decimal usd) : FakeBackend(name), IPricedBackend
{
    public decimal EstimateUsd(GenerationRequest request) => usd;
}
