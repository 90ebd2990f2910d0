using System.Globalization;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// The ids of every data key destroyed by erasure, appended to a file beside the master key ring (never in the
/// database). A backup taken before an erasure still holds the wrapped key; after a restore the journal is replayed
/// (<see cref="FieldProtector.ReapplyErasuresAsync"/>), so restoring a backup never brings erased data back.
/// </summary>
public sealed class ErasureJournal(IOptions<ProtectionOptions> options, IHostEnvironment environment) : IDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);

    public void Dispose() => _write.Dispose();

    public string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.ErasureJournalFile));

    /// <summary>Appends the keys (one line each: key id, owner, time) and flushes to disk before returning.</summary>
    public async Task AppendAsync(IReadOnlyCollection<(Guid KeyId, Guid? OwnerId)> keys, DateTime at, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        await _write.WaitAsync(cancellationToken);
        try
        {
            // Write-through: the lines are on disk before the keys are destroyed in the database.
            await using (var stream = OwnerOnlyFiles.Append(Path, FileOptions.WriteThrough | FileOptions.Asynchronous))
            await using (var writer = new StreamWriter(stream))
            {
                foreach (var (keyId, ownerId) in keys)
                {
                    await writer.WriteLineAsync($"{keyId:D} {ownerId?.ToString("D") ?? "-"} {at.ToString("O", CultureInfo.InvariantCulture)}".AsMemory(), cancellationToken);
                }

                await writer.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Every key id the journal names; empty when there is no journal yet.</summary>
    public async Task<IReadOnlySet<Guid>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return new HashSet<Guid>();
        }

        var ids = new HashSet<Guid>();
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            // A torn last line (a crash mid-append) names no whole id and is skipped.
            if (line.Length >= 36 && Guid.TryParseExact(line.AsSpan(0, 36), "D", out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
