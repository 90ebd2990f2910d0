using System.Text.Json;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// The audit anchor (<see cref="ProtectionOptions.AuditAnchorFile"/>), a file beside the master key ring that the
/// database cannot rewrite: the newest entry this instance appended. It only moves forward, except when a backup is
/// restored (<see cref="Replace"/>), which deliberately brings the ledger back to the backup's anchor.
/// </summary>
internal sealed class AuditAnchorFile(IOptions<ProtectionOptions> options, IHostEnvironment environment)
{
    private readonly Lock _lock = new();

    public string Path => System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.AuditAnchorFile));

    /// <summary>The anchor, or null when none was written yet (a new installation, or one that kept no anchor before).</summary>
    public AuditAnchor? Read()
    {
        lock (_lock)
        {
            return File.Exists(Path) ? JsonSerializer.Deserialize<AuditAnchor>(File.ReadAllText(Path)) : null;
        }
    }

    /// <summary>Anchors the entry unless the anchor already is at it or past it (another writer got further).</summary>
    public void Advance(AuditAnchor anchor)
    {
        lock (_lock)
        {
            var current = File.Exists(Path) ? JsonSerializer.Deserialize<AuditAnchor>(File.ReadAllText(Path)) : null;
            if (current is null || anchor.Sequence > current.Sequence)
            {
                Write(anchor);
            }
        }
    }

    /// <summary>Sets the anchor to the one given, backwards too (a restored backup's); null removes it.</summary>
    public void Replace(AuditAnchor? anchor)
    {
        lock (_lock)
        {
            if (anchor is null)
            {
                File.Delete(Path);
            }
            else
            {
                Write(anchor);
            }
        }
    }

    private void Write(AuditAnchor anchor)
    {
        // Written beside and moved over, so a crash leaves the old anchor or the new one, never half of one.
        OwnerOnlyFiles.CreateOrRestrictDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        OwnerOnlyFiles.WriteAllText(temp, JsonSerializer.Serialize(anchor));
        File.Move(temp, Path, overwrite: true);
    }
}
