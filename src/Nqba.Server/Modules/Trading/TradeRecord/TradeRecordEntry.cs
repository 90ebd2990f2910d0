namespace Nqba.Server.Modules.Trading.TradeRecord;

/// <summary>
/// One write-once row of the trade record (SEC 17a-4 style): an order, a compliance check's result or a fill, as
/// canonical JSON, chained by SHA-256 to the row before it.
/// </summary>
internal sealed class TradeRecordEntry
{
    public long Sequence { get; set; }

    /// <summary><c>order</c>, <c>check</c> or <c>fill</c>.</summary>
    public required string Kind { get; set; }

    public Guid PortfolioId { get; set; }

    public Guid OrderId { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The entry's canonical content (JSON, fixed property order, invariant formatting).</summary>
    public required string Content { get; set; }

    /// <summary>The previous row's <see cref="Hash"/> (64 zeros for the first row).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of the previous hash, sequence, kind, time, portfolio, order and content.</summary>
    public required string Hash { get; set; }
}
