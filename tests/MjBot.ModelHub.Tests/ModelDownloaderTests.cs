using MjBot.Testing;
using MjBot.Testing.Hub;

namespace MjBot.ModelHub.Tests;

public sealed class ModelDownloaderTests : IAsyncLifetime, IDisposable
{
    private const string Repo = "mjbot-test/tiny-sd-onnx";

    /// <summary>How long the stalled transfers wait: long enough that a busy machine's pauses between reads of a
    /// flowing transfer never reach it.</summary>
    private const string StallTimeout = "00:00:02";

    private readonly TempFolder _folder = new();
    private HubStandIn _hub = null!;

    private string Staging => Path.Combine(_folder.Path, ".downloads", "tiny");

    private string Target => Path.Combine(_folder.Path, "tiny");

    public async Task InitializeAsync() => _hub = await HubStandIn.StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Install_DiffusersOnnxExport_FetchesOnlyThePipelinesFilesChecked()
    {
        var files = ExportRepos.TinySd();
        var commit = _hub.Push(Repo, files);
        var observer = new RecordingObserver();

        var plan = await InstallAsync(Repo, observer);

        Assert.Equal(commit, plan.Commit);
        var installed = Directory.EnumerateFiles(Target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Target, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var expected = files.Keys.Where(p => !ExportRepos.Decoys.Contains(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, installed);
        Assert.All(expected, p => Assert.Equal(files[p], File.ReadAllBytes(Path.Combine(Target, p))));
        Assert.False(Directory.Exists(Staging));
        Assert.Equal(ExportRepos.Decoys.Length, plan.Skipped);
        Assert.Equal(plan.TotalBytes, observer.LastTotal);
        Assert.Equal(expected.Length, observer.Completed.Count);
        Assert.DoesNotContain(_hub.HubRequests.Concat(_hub.StorageRequests), r => ExportRepos.Decoys.Any(d => r.Path.EndsWith(d, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Install_LargeFiles_RedirectedToStorageWithoutTheToken()
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.Gate(Repo, HubStandIn.Token);

        await InstallAsync(Repo, new RecordingObserver(), token: HubStandIn.Token);

        Assert.All(_hub.HubRequests, r => Assert.Equal("Bearer " + HubStandIn.Token, r.Headers["Authorization"]));
        Assert.Contains(_hub.StorageRequests, r => r.Path.Contains("Signature=", StringComparison.Ordinal));
        Assert.All(_hub.StorageRequests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        Assert.True(File.Exists(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_ManyFiles_WalksEveryTreePage()
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.PageSize = 3;

        var plan = await InstallAsync(Repo, new RecordingObserver());

        Assert.True(_hub.HubRequests.Count(static r => r.Path.Contains("/tree/", StringComparison.Ordinal)) > 5);
        Assert.Contains(plan.Files, static f => f.Path == "unet/weights.pb");
    }

    [Fact]
    public async Task Install_ConnectionResetMidFile_RetriedAndChecked()
    {
        var files = ExportRepos.TinySd();
        _hub.Push(Repo, files);
        _hub.DropOnce("unet/weights.pb", 1_234_567);
        var observer = new RecordingObserver();

        await InstallAsync(Repo, observer);

        Assert.Contains("unet/weights.pb", Assert.Single(observer.Retries), StringComparison.Ordinal);
        Assert.Equal(files["unet/weights.pb"], File.ReadAllBytes(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_TransferStalls_ResumedWithRangeFromWhereItStopped()
    {
        var files = ExportRepos.TinySd();
        _hub.Push(Repo, files);
        _hub.StallOnce("unet/weights.pb", 1_234_567);
        var observer = new RecordingObserver();

        await InstallAsync(Repo, observer, stallTimeout: StallTimeout);

        Assert.Contains(_hub.StorageRequests, static r => r.Headers.TryGetValue("Range", out var range) && range == "bytes=1234567-");
        Assert.Contains("stalled at byte 1234567", Assert.Single(observer.Retries), StringComparison.Ordinal);
        Assert.Equal(files["unet/weights.pb"], File.ReadAllBytes(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_RunStoppedByAFailure_NextRunResumesThePartFromTheSameCommit()
    {
        var files = ExportRepos.TinySd();
        var first = _hub.Push(Repo, files);
        _hub.StallOnce("unet/weights.pb", 2_000_000);

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(Repo, new RecordingObserver(), retries: 0, stallTimeout: StallTimeout));
        Assert.Contains("stalled", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2_000_000, new FileInfo(Path.Combine(Staging, "unet", "weights.pb.part")).Length);

        // The branch moves on meanwhile: the second run finishes the commit the first started.
        var changed = new Dictionary<string, byte[]>(files) { ["README.md"] = [1, 2, 3] };
        _hub.Push(Repo, changed);
        var plan = await InstallAsync(Repo, new RecordingObserver());

        Assert.Equal(first, plan.Commit);
        Assert.Contains(_hub.StorageRequests, static r => r.Headers.TryGetValue("Range", out var range) && range == "bytes=2000000-");
        Assert.Equal(files["unet/weights.pb"], File.ReadAllBytes(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_StorageIgnoresRange_StartsTheFileOver()
    {
        var files = ExportRepos.TinySd();
        _hub.Push(Repo, files);
        _hub.StallOnce("unet/weights.pb", 1_000_000);
        _hub.HonourRange = false;

        await InstallAsync(Repo, new RecordingObserver(), stallTimeout: StallTimeout);

        Assert.Contains(_hub.StorageRequests, static r => r.Headers.TryGetValue("Range", out var range) && range == "bytes=1000000-");
        Assert.Equal(files["unet/weights.pb"], File.ReadAllBytes(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_DamagedOnce_FetchedAgainAndInstalled()
    {
        var files = ExportRepos.TinySd();
        _hub.Push(Repo, files);
        _hub.Corrupt("unet/weights.pb");
        _hub.Corrupt("tokenizer/vocab.json");
        var observer = new RecordingObserver();

        await InstallAsync(Repo, observer);

        Assert.Contains(observer.Retries, static r => r.StartsWith("unet/weights.pb", StringComparison.Ordinal) && r.Contains("SHA-256", StringComparison.Ordinal));
        Assert.Contains(observer.Retries, static r => r.StartsWith("tokenizer/vocab.json", StringComparison.Ordinal) && r.Contains("git blob id", StringComparison.Ordinal));
        Assert.Equal(files["unet/weights.pb"], File.ReadAllBytes(Path.Combine(Target, "unet", "weights.pb")));
    }

    [Fact]
    public async Task Install_DamagedEveryTime_RefusedAndNothingInstalled()
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.Corrupt("unet/weights.pb", times: 5);

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(Repo, new RecordingObserver()));

        Assert.Contains("unet/weights.pb", failure.Message, StringComparison.Ordinal);
        Assert.Contains("failed its check twice", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Staging, "unet", "weights.pb.part")));
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task Install_RateLimited_WaitsAndGoesOn()
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.RateLimit(1);

        await InstallAsync(Repo, new RecordingObserver());

        Assert.True(Directory.Exists(Target));
    }

    [Fact]
    public async Task Install_ExportInASubfolder_ThatFolderBecomesTheModel()
    {
        var files = ExportRepos.TinySd("onnx/");
        _hub.Push(Repo, files);

        var plan = await InstallAsync(Repo, new RecordingObserver());

        Assert.Equal("onnx/", plan.ExportFolder);
        Assert.True(File.Exists(Path.Combine(Target, "unet", "model.onnx")));
    }

    [Fact]
    public async Task Install_RenamedRepo_FollowsTheHubsRedirectWithTheToken()
    {
        _hub.Push("old-owner/tiny", ExportRepos.TinySd());
        _hub.Rename("old-owner/tiny", "new-owner/tiny");

        await InstallAsync("old-owner/tiny", new RecordingObserver(), token: HubStandIn.Token);

        Assert.Contains(_hub.HubRequests, static r => r.Path.StartsWith("/api/models/new-owner/tiny/", StringComparison.Ordinal) && r.Headers.ContainsKey("Authorization"));
        Assert.True(Directory.Exists(Target));
    }

    [Fact]
    public async Task Install_RevisionWithSlashes_SentEncoded()
    {
        _hub.Push(Repo, ExportRepos.TinySd(), branch: "refs/pr/3");

        await InstallAsync(Repo + "@refs/pr/3", new RecordingObserver());

        Assert.Contains(_hub.HubRequests, static r => r.Path.EndsWith("/revision/refs%2Fpr%2F3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_PyTorchOnlyRepo_RefusedBeforeDownloadingWithAHint()
    {
        _hub.Push(Repo, new Dictionary<string, byte[]> { ["unet/diffusion_pytorch_model.safetensors"] = [1], ["model_index.json"] = [2] });

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(Repo, new RecordingObserver()));

        Assert.Contains("has no ONNX export", failure.Message, StringComparison.Ordinal);
        Assert.Contains("@onnx", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_hub.StorageRequests);
    }

    [Fact]
    public async Task Install_IncompleteExport_NamesWhatIsMissing()
    {
        var files = ExportRepos.TinySd();
        files.Remove("tokenizer/merges.txt");
        _hub.Push(Repo, files);

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(Repo, new RecordingObserver()));

        Assert.Contains("lacks tokenizer/merges.txt", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "is gated", "set ModelHub:Token")]
    [InlineData("hf_someoneElse", null, "is gated", "has not been granted access")]
    [InlineData(null, HubStandIn.Token, null, null)]
    public async Task Install_GatedRepo_TokenDecides(string? token, string? environmentToken, string? expected, string? fix)
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.Gate(Repo, HubStandIn.Token);

        var run = InstallAsync(Repo, new RecordingObserver(), token: token, environmentToken: environmentToken);

        if (expected is null)
        {
            await run;
            Assert.True(Directory.Exists(Target));
            return;
        }

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => run);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(fix!, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token ?? HubStandIn.Token, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody/nothing", null, "has no repo nobody/nothing, or it is private and no token was sent")]
    [InlineData(Repo + "@v9", null, "has no revision \"v9\"")]
    [InlineData(Repo, "not-a-token", "it is not valid")]
    public async Task Install_HubRefuses_SaysWhatToDo(string reference, string? token, string expected)
    {
        _hub.Push(Repo, ExportRepos.TinySd());

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(reference, new RecordingObserver(), token: token));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.False(failure.Transient);
    }

    [Fact]
    public async Task Install_StagingHoldsAnotherRepo_Refused()
    {
        _hub.Push(Repo, ExportRepos.TinySd());
        _hub.Push("someone/other", ExportRepos.TinySd());
        _hub.StallOnce("unet/weights.pb", 10);
        await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync(Repo, new RecordingObserver(), retries: 0, stallTimeout: StallTimeout));

        var failure = await Assert.ThrowsAsync<HubRequestException>(() => InstallAsync("someone/other", new RecordingObserver()));

        Assert.Contains($"unfinished download of {Repo}", failure.Message, StringComparison.Ordinal);
    }

    private async Task<DownloadPlan> InstallAsync(string reference, RecordingObserver observer, string? token = null, int retries = 3, string? environmentToken = null, string stallTimeout = "00:00:30")
    {
        Assert.True(HubRepository.TryParse(reference, out var repository, out var problem), problem);
        using var services = HubTestClient.Services(_hub, token, retries, environmentToken, stallTimeout);
        return await HubTestClient.Downloader(services).InstallAsync(repository, ExportRepos.Required, Staging, Target, observer, CancellationToken.None);
    }
}
