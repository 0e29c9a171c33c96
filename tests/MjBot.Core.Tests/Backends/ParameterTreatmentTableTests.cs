using MjBot.Core.Backends;
using MjBot.Core.Localization;
using MjBot.Core.Prompting.Parameters;
using MjBot.Core.Tests.Prompting;

namespace MjBot.Core.Tests.Backends;

public sealed class ParameterTreatmentTableTests
{
    // --raw and the speed/visibility flags share canonical slots (style, speed, visibility).
    private static readonly IEnumerable<string> CatalogueSlots = ParameterCatalog.All.Select(static d => d.Slot).Distinct();

    [Theory]
    [InlineData(BackendKind.StableDiffusion)]
    [InlineData(BackendKind.OpenAIImages)]
    public void Covered_EveryBackend_CoversEveryParameterOfTheCatalogue(BackendKind backend)
    {
        var expected = CatalogueSlots.Append("multi_prompt").Append("image_prompts").Order(StringComparer.Ordinal);

        Assert.Equal(expected, ParameterTreatmentTable.Covered(backend).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenParameters_PromptWithEveryParameter_NamesEachOnce()
    {
        // --oref refuses --draft and --cref refuses --v 7, so two jobs carry every parameter between them.
        var most = ParseAssert.Single(
            "https://a.io/a.png a::2 b --ar 2:3 --s 5 --c 5 --no x --seed 1 --sameseed --sref 1 --sw 1 --sv 1 --cref https://a.io/c.png "
            + "--cw 1 --oref https://a.io/o.png --ow 1 --iw 1 --style raw --q 1 --tile --transparent --w 1 --stop 50 --fast "
            + "--stealth --hd --p --exp 1 --steps 1 --cfg 1 --sampler lcm --model m --lora l");
        var rest = ParseAssert.Succeeds("b --draft --v 7 --r 2").Jobs[0];
        var niji = ParseAssert.Single("c --niji 6");

        var given = ParameterTreatmentTable.GivenParameters(most).Concat(ParameterTreatmentTable.GivenParameters(rest)).Concat(ParameterTreatmentTable.GivenParameters(niji)).ToList();

        Assert.Equal(given.Count, given.Distinct().Count());
        Assert.Equal(
            CatalogueSlots.Append("multi_prompt").Append("image_prompts").Order(StringComparer.Ordinal),
            given.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoticesFor_DallEJobWithSeedTileAndNo_TellsWhatWasIgnoredOrApproximated()
    {
        var job = ParseAssert.Single("a fox --seed 42 --tile --no trees --cfg 7");

        var notices = ParameterTreatmentTable.NoticesFor(BackendKind.OpenAIImages, job);

        Assert.Equal(["no", "seed", "tile", "cfg"], notices.Select(static n => n.Parameter));
        Assert.Equal(ParameterSupport.Ignored, notices.Single(static n => n.Parameter == "seed").Support);
    }

    [Fact]
    public void NoticesFor_StableDiffusionJobWithItsOwnParameters_HasNone()
    {
        var job = ParseAssert.Single("a fox::2 den --seed 42 --no trees --steps 30 --cfg 7 --sampler euler_a");

        Assert.Empty(ParameterTreatmentTable.NoticesFor(BackendKind.StableDiffusion, job));
    }

    [Theory]
    [InlineData(BackendKind.StableDiffusion, "ko")]
    [InlineData(BackendKind.OpenAIImages, "ja")]
    public void For_EveryParameter_ItsNoteIsInEveryCatalogue(BackendKind backend, string locale)
    {
        foreach (var parameter in ParameterTreatmentTable.Covered(backend))
        {
            var note = ParameterTreatmentTable.For(backend, parameter).Note;
            Assert.True(MessageCatalogue.Default.Entries(MessageCatalogue.English).ContainsKey(note.Key), note.Key);
            Assert.True(MessageCatalogue.Default.Entries(locale).ContainsKey(note.Key), note.Key);
        }
    }

    [Fact]
    public void Notice_InKorean_TheParameterAsTypedAndTheNoteTranslated()
    {
        var notice = ParameterTreatmentTable.For(BackendKind.StableDiffusion, "tile").Notice;

        Assert.Equal("--tile: ONNX exports have no circular padding to switch on", notice.English);
        Assert.Equal("--tile: ONNX 내보내기에는 켤 수 있는 순환 패딩이 없습니다", notice.Text(MessageCatalogue.Default.For("ko")));
    }
}
