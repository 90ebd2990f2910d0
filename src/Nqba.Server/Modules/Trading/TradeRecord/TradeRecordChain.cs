using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Trading.Persistence;

namespace Nqba.Server.Modules.Trading.TradeRecord;

/// <summary>
/// Appends to and verifies the trade record: each row holds the SHA-256 of the row before it and of its own content,
/// so changing, removing or reordering a row breaks the chain from that row on.
/// </summary>
internal sealed class TradeRecordChain(TradingDbContext db)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private (long Sequence, string Hash)? _head;

    /// <summary>
    /// Adds an entry to the context (saved by the caller's SaveChanges, in its transaction). The head is read once
    /// per context; two writers racing for one sequence number collide on the primary key and the loser retries.
    /// </summary>
    public async Task AppendAsync(string kind, Guid portfolioId, Guid orderId, object content, DateTime now, CancellationToken cancellationToken)
    {
        _head ??= await db.TradeRecord.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken) is { } head
            ? (head.Sequence, head.Hash)
            : (0, Genesis);
        var entry = new TradeRecordEntry
        {
            Sequence = _head.Value.Sequence + 1,
            Kind = kind,
            PortfolioId = portfolioId,
            OrderId = orderId,
            // Whole milliseconds: every provider stores them exactly, so the hash recomputes from what was stored.
            RecordedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
            Content = JsonSerializer.Serialize(content, Canonical),
            PreviousHash = _head.Value.Hash,
            Hash = string.Empty,
        };
        entry.Hash = HashOf(entry);
        db.TradeRecord.Add(entry);
        _head = (entry.Sequence, entry.Hash);
    }

    /// <summary>Forgets the head read, after a failed save.</summary>
    public void Reset() => _head = null;

    /// <summary>Walks the whole record in order and reports the first row whose link or hash does not hold.</summary>
    public async Task<TradeRecordVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = Genesis;
        var expected = 1L;
        var count = 0;
        await foreach (var entry in db.TradeRecord.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return new(false, count, entry.Sequence, $"entry {expected} is missing (next is {entry.Sequence})");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(false, count, entry.Sequence, $"entry {entry.Sequence} does not link to entry {entry.Sequence - 1}");
            }

            if (!string.Equals(HashOf(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(false, count, entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its hash does not match its content)");
            }

            previous = entry.Hash;
            expected++;
            count++;
        }

        return new(true, count, null, null);
    }

    /// <summary>
    /// Writes the record's entries recorded in [<paramref name="from"/>, <paramref name="to"/>] (whole days, UTC; all
    /// when null), of one portfolio or all, in sequence order as CSV: sequence, kind, recorded_at, portfolio_id,
    /// order_id, content (the canonical JSON), previous_hash, hash — everything a reviewer needs to recompute each hash
    /// and check that the rows link up.
    /// </summary>
    public async Task ExportAsync(TextWriter output, DateOnly? from, DateOnly? to, Guid? portfolioId, CancellationToken cancellationToken)
    {
        var rows = db.TradeRecord.AsNoTracking();
        if (from is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.RecordedAt >= since);
        }

        if (to is { } end)
        {
            var until = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.RecordedAt < until);
        }

        if (portfolioId is { } portfolio)
        {
            rows = rows.Where(e => e.PortfolioId == portfolio);
        }

        await using var csv = new CsvHelper.CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in ExportColumns)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var e in rows.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(e.Sequence.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(e.Kind);
            csv.WriteField(Time(e.RecordedAt));
            csv.WriteField(e.PortfolioId.ToString("D"));
            csv.WriteField(e.OrderId.ToString("D"));
            csv.WriteField(e.Content);
            csv.WriteField(e.PreviousHash);
            csv.WriteField(e.Hash);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    /// <summary>The export's columns, in order.</summary>
    public static readonly IReadOnlyList<string> ExportColumns = ["sequence", "kind", "recorded_at", "portfolio_id", "order_id", "content", "previous_hash", "hash"];

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static string HashOf(TradeRecordEntry e)
    {
        var text = string.Join('\n',
            e.PreviousHash, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Kind,
            Time(e.RecordedAt),
            e.PortfolioId.ToString("D"), e.OrderId.ToString("D"), e.Content);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The outcome of a verification: intact, how many entries were checked, and the first broken one with why.</summary>
public sealed record TradeRecordVerification(bool Intact, int Entries, long? BrokenAt, string? Reason);
