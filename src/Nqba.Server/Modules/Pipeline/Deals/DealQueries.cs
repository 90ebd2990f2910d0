using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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

        var rows = await open.Select(d => new { d.Stage, d.Currency, d.Value, d.StageEnteredAt }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return new BoardSummary(
            rows.Count,
            CurrencyTotal.Of(rows.Select(r => (r.Stage, r.Currency, r.Value)), options.Value),
            rows.Count(r => options.Value.IsStalled(r.StageEnteredAt, now)));
    }

    public async Task<DealDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var history = await db.StageChanges.AsNoTracking().Where(c => c.DealId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return DealDto.From(deal, options.Value, time.GetUtcNow().UtcDateTime) with
        {
            History = history.ConvertAll(c => new DealHistoryDto(DealStages.Id(c.ToStage), c.FromStage is { } from ? DealStages.Id(from) : null, c.At, c.By, c.Reason)),
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

        // Narrow projections, and the history joined in the database (not a list of ids sent back to it).
        var rows = await deals.Select(d => new DealFacts(d.Id, d.Stage, d.Currency, d.Value, d.CreatedAt, d.ClosedAt, d.StageEnteredAt)).ToListAsync(cancellationToken);
        var history = (await db.StageChanges.AsNoTracking().Where(c => deals.Any(d => d.Id == c.DealId))
                .Select(c => new StageEntry(c.DealId, c.ToStage, c.At, c.Id)).ToListAsync(cancellationToken))
            .GroupBy(c => c.DealId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
        return PipelineMetrics.Compute(rows, history, options.Value, time.GetUtcNow().UtcDateTime);
    }
}

/// <summary>One board column: how many deals are in the stage, and the cards shown.</summary>
internal sealed record BoardColumn(int Count, List<DealDto> Cards);

/// <summary>The board's summary line.</summary>
internal sealed record BoardSummary(int Open, IReadOnlyList<CurrencyTotal> OpenValue, int Stalled);

/// <summary>The filters of a deal list.</summary>
internal sealed record DealFilter(string? UnitCode, DealStage? Stage, Guid? OwnerId, int Take = DealQueries.MaxPageSize);
