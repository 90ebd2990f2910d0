namespace Nqba.Server.Platform.Company;

/// <summary>
/// The last company snapshot this instance read, reused for <see cref="MaxAge"/>. Every change to units, regions,
/// holidays or specialists saved through this instance drops it at once (<see cref="CompanyChangeInterceptor"/>);
/// a change made through another instance shows here within <see cref="MaxAge"/>.
/// </summary>
internal sealed class CompanySnapshotCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private Entry? _entry;
    private long _generation;

    /// <summary>The cached snapshot while it is fresh.</summary>
    public CompanySnapshot? Current =>
        Volatile.Read(ref _entry) is { } entry && time.GetUtcNow() - entry.LoadedAt < MaxAge ? entry.Snapshot : null;

    /// <summary>Taken before reading the database: a snapshot read while a change was saved is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Store(CompanySnapshot snapshot, long generation, DateTimeOffset loadedAt)
    {
        var entry = new Entry(snapshot, loadedAt, generation);
        if (Generation == generation)
        {
            Volatile.Write(ref _entry, entry);
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    private sealed record Entry(CompanySnapshot Snapshot, DateTimeOffset LoadedAt, long Generation);
}
