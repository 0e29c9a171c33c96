using System.Text.Json;
using System.Text.Json.Nodes;

namespace MjBot.ModelHub;

/// <summary>Fetches a repo's ONNX export into a staging folder and, once every file has passed its check, moves it to
/// the model folder in one rename (a half-downloaded model is never visible as a model). The staging folder remembers
/// the commit it started from, so running the same command again resumes the same files from the same commit.</summary>
public sealed class ModelDownloader
{
    /// <summary>The staging folder's note of what it holds.</summary>
    public const string StagingNote = "mjbot-download.json";

    private readonly HubClient _client;
    private readonly FileTransfer _transfer;

    public ModelDownloader(HubClient client, ModelHubOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _transfer = new FileTransfer(client, options, time);
    }

    /// <summary>Downloads <paramref name="repository"/>'s export through <paramref name="staging"/> into
    /// <paramref name="target"/>, which must not exist yet. <paramref name="required"/> lists the files (relative to the
    /// export, with <c>/</c>) without which the export is refused before anything is fetched.</summary>
    /// <returns>The plan it carried out.</returns>
    /// <exception cref="HubRequestException">The hub refused, the repo has no usable export, or a file stayed damaged.</exception>
    /// <exception cref="IOException">The disk refused a write (full, read-only); what arrived stays in staging.</exception>
    public async Task<DownloadPlan> InstallAsync(HubRepository repository, IReadOnlyList<string> required, string staging, string target, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(observer);
        var commit = ResumableCommit(repository, staging) ?? await _client.ResolveCommitAsync(repository, cancellationToken);
        var plan = ExportSelection.Plan(repository, commit, await _client.ListFilesAsync(repository, commit, cancellationToken), required);
        Directory.CreateDirectory(staging);
        await File.WriteAllTextAsync(Path.Combine(staging, StagingNote), new JsonObject
        {
            ["repo"] = repository.Id,
            ["revision"] = repository.Revision,
            ["commit"] = commit,
        }.ToJsonString(), cancellationToken);

        observer.Planned(plan);
        long done = 0;
        foreach (var file in plan.Files)
        {
            var destination = Path.Combine(staging, plan.LocalPath(file).Replace('/', Path.DirectorySeparatorChar));
            var present = File.Exists(destination) && new FileInfo(destination).Length == file.Size;
            if (!present)
            {
                await _transfer.DownloadAsync(plan, file, destination, done, observer, cancellationToken);
            }

            done += file.Size;
            observer.Completed(file, present);
        }

        File.Delete(Path.Combine(staging, StagingNote));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        Directory.Move(staging, target);
        return plan;
    }

    /// <summary>Reads what a staging folder holds: the repo id, revision and commit, or null when it is not one.</summary>
    public static (string Repo, string Revision, string Commit)? ReadStagingNote(string staging)
    {
        var path = Path.Combine(staging, StagingNote);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var note = JsonNode.Parse(File.ReadAllText(path));
            return note?["repo"]?.GetValue<string>() is { } repo && note["revision"]?.GetValue<string>() is { } revision && note["commit"]?.GetValue<string>() is { } commit
                ? (repo, revision, commit)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A note cut short by a crash: the download starts from the hub's current commit again.
            return null;
        }
    }

    /// <summary>The commit an earlier run of the same repo and revision started from, or null; a staging folder of another
    /// repo is refused.</summary>
    private static string? ResumableCommit(HubRepository repository, string staging)
    {
        if (ReadStagingNote(staging) is not { } note)
        {
            return null;
        }

        if (!string.Equals(note.Repo, repository.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubRequestException($"{staging} holds an unfinished download of {note.Repo}: run mjbot models add {note.Repo}{(note.Revision == HubRepository.DefaultRevision ? string.Empty : "@" + note.Revision)} with the same --as to finish it, or delete that folder.");
        }

        return note.Revision == repository.Revision ? note.Commit : null;
    }
}
