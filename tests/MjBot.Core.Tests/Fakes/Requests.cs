using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Fakes;

/// <summary>Generation requests for tests: "a fox", parsed.</summary>
internal static class Requests
{
    public static GenerationRequest AFox(JobKind kind = JobKind.Imagine) =>
        new(kind, Assert.IsType<PromptParseResult.Success>(PromptParser.Parse("a fox")).Jobs[0], 1, null, null);
}
