using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Pipeline.Catalogue;
using Nqba.Server.Modules.Pipeline.Persistence;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>What the pipeline's pages and API read: deal lists and boards, one deal with its history, and the figures.</summary>
internal sealed class DealQueries(PipelineDbContext db, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>The most deals one list answer holds.</summary>
    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<DealDto>> ListAsync(DealFilter filter, CancellationToken cancellationToken)
    {
        var deals = db.Deals.AsNoTracking();
        if (filter.UnitCode is { } unit)
        {
            deals = deals.Where(d => d.UnitCode == unit);
        }

        if (filter.Stage is { } stage)
        {
            deals = deals.Where(d => d.Stage == stage);
        }

        if (filter.OwnerId is { } owner)
        {
            deals = deals.Where(d => d.OwnerId == owner);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await deals.OrderByDescending(d => d.StageEnteredAt).ThenBy(d => d.Id).Take(Math.Clamp(filter.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return rows.ConvertAll(d => DealDto.From(d, options.Value, now));
    }

    /// <summary>How long a won or lost deal stays on the board.</summary>
    public static readonly TimeSpan ClosedOnBoard = TimeSpan.FromDays(30);

    /// <summary>The most cards one board column shows (the oldest in their stage first; the rest are in the list).</summary>
    public const int BoardColumnLimit = 50;

    /// <summary>
    /// The board of one unit (all when null): every stage's deals, longest in the stage first, at most
    /// <see cref="BoardColumnLimit"/> each (won and lost: those closed in the last 30 days), with each column's count.
    /// </summary>
    public async Task<IReadOnlyDictionary<DealStage, BoardColumn>> BoardAsync(string? unitCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var closedSince = now - ClosedOnBoard;
        var deals = db.Deals.AsNoTracking().Where(d => (d.Stage != DealStage.Won && d.Stage != DealStage.Lost) || d.ClosedAt >= closedSince);
        if (unitCode is not null)
        {
            deals = deals.Where(d => d.UnitCode == unitCode);
        }

        var counts = await deals.GroupBy(d => d.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Stage, g => g.Count, cancellationToken);
        var board = new Dictionary<DealStage, BoardColumn>();
        foreach (var stage in DealStages.All)
        {
            var cards = counts.GetValueOrDefault(stage) == 0
                ? []
                : await deals.Where(d => d.Stage == stage).OrderBy(d => d.StageEnteredAt).ThenBy(d => d.Id).Take(BoardColumnLimit).ToListAsync(cancellationToken);
            board[stage] = new BoardColumn(counts.GetValueOrDefault(stage), cards.ConvertAll(d => DealDto.From(d, options.Value, now)));
        }

        return board;
    }

    /// <summary>The board's summary line: open deals, their value and weighted value per currency, and how many are stalled.</summary>
    public async Task<BoardSummary> BoardSummaryAsync(string? unitCode, CancellationToken cancellationToken)
    {
        var open = db.Deals.AsNoTracking().Where(d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost);
        if (unitCode is not null)
        {
            open = open.Where(d => d.UnitCode == unitCode);
        }

        // Aggregated in the database: one row per stage and currency, whatever the number of deals.
        var stalledBefore = options.Value.StalledBefore(time.GetUtcNow().UtcDateTime);
        var rows = await open.GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new { g.Key.Stage, g.Key.Currency, Count = g.Count(), Value = g.Sum(d => d.Value), Valued = g.Count(d => d.Value != null), Stalled = g.Count(d => d.StageEnteredAt < stalledBefore) })
            .ToListAsync(cancellationToken);
        return new BoardSummary(
            rows.Sum(r => r.Count),
            CurrencyTotal.Of(rows.Where(r => r.Valued > 0).Select(r => (r.Stage, r.Currency, r.Value)), options.Value),
            rows.Sum(r => r.Stalled));
    }

    public async Task<DealDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var history = await db.StageChanges.AsNoTracking().Where(c => c.DealId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var items = await db.DealItems.AsNoTracking().Where(i => i.DealId == id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var notes = await db.DealNotes.AsNoTracking().Where(n => n.DealId == id).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        return DealDto.From(deal, options.Value, time.GetUtcNow().UtcDateTime) with
        {
            History = history.ConvertAll(c => new DealHistoryDto(DealStages.Id(c.ToStage), c.FromStage is { } from ? DealStages.Id(from) : null, c.At, c.By, c.Reason, c.FromStageDays is { } days ? Math.Round(days, 4) : null)),
            Products = items.ConvertAll(DealItemDto.From),
            Notes = notes.ConvertAll(n => new DealNoteDto(n.Id, n.Text, n.By, n.At)),
            MonthlyRecurring = DealValue.Monthly(items),
        };
    }

    /// <summary>
    /// The pipeline's figures for deals created in [<paramref name="from"/>, <paramref name="to"/>) (all when null),
    /// per unit or overall: open and weighted value per currency, average days in each stage, sales-cycle length of won
    /// deals and the demo-to-close rate (won / closed among deals that reached the demo); stays still running are not in the averages.
    /// </summary>
    public async Task<PipelineMetrics> MetricsAsync(string? unitCode, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        var deals = db.Deals.AsNoTracking();
        if (unitCode is not null)
        {
            deals = deals.Where(d => d.UnitCode == unitCode);
        }

        if (from is { } start)
        {
            deals = deals.Where(d => d.CreatedAt >= start);
        }

        if (to is { } end)
        {
            deals = deals.Where(d => d.CreatedAt < end);
        }

        // Each part is one aggregate in the database (the stays were measured when each move was written), so the cost
        // grows with the number of stages and currencies, not with the deals and their history.
        var perStage = await deals.GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var open = deals.Where(d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost);
        var values = await open.Where(d => d.Value != null).GroupBy(d => new { d.Stage, d.Currency })
            .Select(g => new { g.Key.Stage, g.Key.Currency, Value = g.Sum(d => d.Value) }).ToListAsync(cancellationToken);
        var won = await deals.Where(d => d.Stage == DealStage.Won && d.ClosedAt != null).Select(d => new { d.CreatedAt, d.ClosedAt }).ToListAsync(cancellationToken);
        var afterDemo = await deals.Where(d => (d.Stage == DealStage.Won || d.Stage == DealStage.Lost) && db.StageChanges.Any(c => c.DealId == d.Id && c.ToStage == DealStage.Demo))
            .GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // A join from the deals in scope (their index), not a lookup per stage change.
        var stays = await deals.Join(db.StageChanges.Where(c => c.FromStage != null && c.FromStageDays != null), d => d.Id, c => c.DealId, (d, c) => c)
            .GroupBy(c => c.FromStage!.Value).Select(g => new { g.Key, Days = g.Average(c => c.FromStageDays!.Value) }).ToDictionaryAsync(g => g.Key, g => g.Days, cancellationToken);
        var stalledBefore = options.Value.StalledBefore(time.GetUtcNow().UtcDateTime);
        var stalled = await open.CountAsync(d => d.StageEnteredAt < stalledBefore, cancellationToken);
        var facts = new MetricsFacts(
            perStage,
            values.ConvertAll(v => (v.Stage, v.Currency, v.Value)),
            won.ConvertAll(w => (w.ClosedAt!.Value - w.CreatedAt).TotalDays),
            afterDemo,
            stays,
            stalled);
        return PipelineMetrics.Compute(facts, options.Value);
    }
}

/// <summary>One board column: how many deals are in the stage, and the cards shown.</summary>
internal sealed record BoardColumn(int Count, List<DealDto> Cards);

/// <summary>The board's summary line.</summary>
internal sealed record BoardSummary(int Open, IReadOnlyList<CurrencyTotal> OpenValue, int Stalled);

/// <summary>The filters of a deal list.</summary>
internal sealed record DealFilter(string? UnitCode, DealStage? Stage, Guid? OwnerId, int Take = DealQueries.MaxPageSize);
