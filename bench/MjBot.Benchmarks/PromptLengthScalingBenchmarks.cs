using BenchmarkDotNet.Attributes;
using MjBot.Core.Prompting;

namespace MjBot.Benchmarks;

/// <summary>Parse time against prompt length, with the 6000-character limit lifted: time per character should stay
/// flat (linear parsing), braces, weights and parameter-like dashes included.</summary>
[MemoryDiagnoser]
public class PromptLengthScalingBenchmarks
{
    private static readonly PromptParserOptions Unlimited = new() { MaxLength = int.MaxValue };
    private string _prompt = string.Empty;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const string unit = "a misty::2 harbour {at dawn} with boats, -- ";
        _prompt = string.Concat(Enumerable.Repeat(unit, (Length / unit.Length) + 1))[..Length] + " --ar 16:9 --no fog";
    }

    [Benchmark]
    public PromptParseResult Parse() => PromptParser.Parse(_prompt, Unlimited);
}
