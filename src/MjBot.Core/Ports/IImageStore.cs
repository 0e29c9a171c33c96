using MjBot.Core.Jobs;

namespace MjBot.Core.Ports;

/// <summary>Where a job's images persist: index 0 is the grid (or the single image), 1–4 its parts.</summary>
public interface IImageStore
{
    /// <summary>Stores a PNG; returns its SHA-256 in hex.</summary>
    Task<string> SaveAsync(JobId job, int index, ReadOnlyMemory<byte> png, CancellationToken cancellationToken);

    /// <summary>Reads a stored PNG, or null.</summary>
    Task<byte[]?> LoadAsync(JobId job, int index, CancellationToken cancellationToken);
}
