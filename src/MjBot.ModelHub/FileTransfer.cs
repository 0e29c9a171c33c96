namespace MjBot.ModelHub;

/// <summary>Downloads one file into <c>{destination}.part</c>, resuming what an earlier run left there with a
/// <c>Range</c> request, retrying transient failures, and renames it to its destination only when its size
/// and hash match the hub's list. A file that fails its check is deleted and fetched once more from the start.</summary>
internal sealed class FileTransfer(HubClient client, ModelHubOptions options, TimeProvider time)
{
    private const int BufferSize = 1 << 20;

    public async Task DownloadAsync(DownloadPlan plan, HubFile file, string destination, long doneBefore, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var part = destination + ".part";
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var refetched = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var mismatch = await TransferAsync(plan, file, part, doneBefore, observer, cancellationToken);
                if (mismatch is null)
                {
                    File.Move(part, destination, overwrite: true);
                    return;
                }

                File.Delete(part);
                if (refetched)
                {
                    throw new HubRequestException($"{file.Path} from {plan.Repository} failed its check twice ({mismatch}); it was deleted. The hub or something between it and you is serving damaged data: try again later.");
                }

                refetched = true;
                observer.Retrying(file, $"the file failed its check ({mismatch}); fetching it again", TimeSpan.Zero, attempt);
            }
            catch (HubRequestException ex) when (ex.Transient && attempt <= options.Retries)
            {
                var wait = options.Backoff(attempt, ex.RetryAfter);
                observer.Retrying(file, ex.Message, wait, attempt);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    /// <summary>Fetches what is missing of <paramref name="part"/> and checks the whole; returns the mismatch, or null.</summary>
    private async Task<string?> TransferAsync(DownloadPlan plan, HubFile file, string part, long doneBefore, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        var offset = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (offset > file.Size)
        {
            File.Delete(part);
            offset = 0;
        }

        using var check = new ContentCheck(file);
        if (offset == file.Size)
        {
            check.AppendFile(part, offset);
            return Finish(check, file, part);
        }

        using var response = await client.OpenFileAsync(plan.Repository, plan.Commit, file.Path, offset, cancellationToken);
        if (offset > 0 && !HubClient.IsPartial(response))
        {
            // The server sent the whole file instead of the range asked for: start over with what it sends.
            offset = 0;
        }
        else if (offset > 0 && response.Content.Headers.ContentRange?.From != offset)
        {
            throw new HubRequestException($"The hub answered the resume of {file.Path} at byte {offset} with another range ({response.Content.Headers.ContentRange}).", transient: true);
        }

        if (offset > 0)
        {
            check.AppendFile(part, offset);
        }

        await using (var output = new FileStream(part, offset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            await CopyAsync(response, file, output, check, offset, doneBefore, observer, cancellationToken);
        }

        return Finish(check, file, part);
    }

    private static string? Finish(ContentCheck check, HubFile file, string part)
    {
        var length = new FileInfo(part).Length;
        return length != file.Size ? $"it is {length} bytes, the hub lists {file.Size}" : check.Mismatch();
    }

    private async Task CopyAsync(HttpResponseMessage response, HubFile file, FileStream output, ContentCheck check, long offset, long doneBefore, IDownloadObserver observer, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = new byte[BufferSize];
        var received = offset;
        await using var body = await ReadFromNetworkAsync(() => response.Content.ReadAsStreamAsync(cancellationToken), file, received, cancellationToken);
        while (true)
        {
            stall.CancelAfter(options.StallTimeout);
            var read = await ReadFromNetworkAsync(() => body.ReadAsync(buffer, stall.Token).AsTask(), file, received, cancellationToken);
            if (read == 0)
            {
                break;
            }

            if (received + read > file.Size)
            {
                throw new HubRequestException($"The hub sent more than the {file.Size} bytes it lists for {file.Path}.", transient: true);
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            check.Append(buffer.AsSpan(0, read));
            received += read;
            observer.Progressed(file, received, doneBefore + received);
        }

        if (received < file.Size)
        {
            throw new HubRequestException($"The transfer of {file.Path} ended at byte {received} of {file.Size}.", transient: true);
        }
    }

    /// <summary>Runs a read from the response, turning a dropped or stalled connection into a transient failure (a
    /// failure to write the disk is not one, and is not caught here).</summary>
    private async Task<T> ReadFromNetworkAsync<T>(Func<Task<T>> read, HubFile file, long received, CancellationToken cancellationToken)
    {
        try
        {
            return await read();
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubRequestException($"{file.Path} stalled at byte {received}: nothing arrived for {options.StallTimeout.TotalSeconds:0} s.", transient: true, innerException: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new HubRequestException($"The connection dropped at byte {received} of {file.Path} ({ex.Message}).", transient: true, innerException: ex);
        }
    }
}
