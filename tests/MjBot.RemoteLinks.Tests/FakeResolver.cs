using System.Net;

namespace MjBot.RemoteLinks.Tests;

/// <summary>Answers names from a table the test gives, each name with a sequence of answers (the last repeats), so a
/// test can change the answer between the early check and the connect, as a rebinding attacker's DNS does. Address
/// literals go to the system parser.</summary>
internal sealed class FakeResolver(Dictionary<string, IPAddress[][]> answers) : IHostResolver
{
    private readonly Dictionary<string, int> _asked = [];
    private readonly DnsHostResolver _literals = new();

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (!answers.TryGetValue(host, out var sequence))
        {
            return await _literals.ResolveAsync(host, cancellationToken);
        }

        lock (_asked)
        {
            var n = _asked.GetValueOrDefault(host);
            _asked[host] = n + 1;
            return sequence[Math.Min(n, sequence.Length - 1)];
        }
    }
}
