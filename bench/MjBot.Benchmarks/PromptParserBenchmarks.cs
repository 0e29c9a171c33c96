using BenchmarkDotNet.Attributes;
using MjBot.Core.Prompting;

namespace MjBot.Benchmarks;

/// <summary>Prompt parsing throughput: one prompt per operation, on one core.</summary>
[MemoryDiagnoser]
public class PromptParserBenchmarks
{
    // 20 words, 4 parameters: the README's "typical prompt".
    private const string Typical =
        "a majestic red fox standing alone in fresh powder snow at golden hour, cinematic lighting, shallow depth of field, highly detailed "
        + "--ar 16:9 --s 250 --no trees --seed 1234";

    private const string Permutations = "a {red, green, blue} bird in the {jungle, desert} --ar {1:1, 16:9} --v 6.1 --chaos 20";

    private const string MultiPromptWithImages =
        "https://cdn.discordapp.com/attachments/1/2/a.png::2 https://cdn.discordapp.com/attachments/1/2/b.png space::2 ship:: nebula::-0.5 --iw 1.5 --sref 123 random --sw 300";

    [Benchmark(Baseline = true)]
    public PromptParseResult Typical20Words4Parameters() => PromptParser.Parse(Typical);

    [Benchmark]
    public PromptParseResult TwelvePermutations() => PromptParser.Parse(Permutations);

    [Benchmark]
    public PromptParseResult ImagePromptsAndWeights() => PromptParser.Parse(MultiPromptWithImages);
}
