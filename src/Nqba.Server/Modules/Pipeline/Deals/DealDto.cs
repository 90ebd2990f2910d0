using System.Text.Json.Serialization;
using Nqba.Server.Modules.Pipeline.Catalogue;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>A deal as the API answers it: <c>stage</c> is the stable identifier, <c>probability</c> the stage's percent.</summary>
public sealed record DealDto(
    Guid Id,
    Guid? LeadId,
    Guid OrganizationId,
    string Title,
    string? UnitCode,
    Guid? OwnerId,
    string Stage,
    DateTime StageEnteredAt,
    decimal? Value,
    string Currency,
    DateOnly? ExpectedClose,
    bool BudgetConfirmed,
    DateTime? DemoHeldAt,
    string? LostReason,
    DateTime CreatedAt,
    DateTime? ClosedAt,
    int Probability,
    decimal? WeightedValue,
    bool Stalled,
    int Version)
{
    /// <summary>The stage history, oldest first: on a single deal's answer, not in lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DealHistoryDto>? History { get; init; }

    /// <summary>The products on the deal, in order: on a single deal's answer, not in lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DealItemDto>? Products { get; init; }

    /// <summary>The notes kept on the deal, oldest first: on a single deal's answer, not in lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DealNoteDto>? Notes { get; init; }

    /// <summary>The monthly recurring revenue of the deal's products (monthly, plus a twelfth of annual): on a single deal's answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? MonthlyRecurring { get; init; }

    internal static DealDto From(Deal d, PipelineOptions options, DateTime now)
    {
        var probability = options.ProbabilityOf(d.Stage);
        return new(
            d.Id, d.LeadId, d.OrganizationId, d.Title, d.UnitCode, d.OwnerId, DealStages.Id(d.Stage), d.StageEnteredAt, d.Value, d.Currency,
            d.ExpectedClose, d.BudgetConfirmed, d.DemoHeldAt, d.LostReason, d.CreatedAt, d.ClosedAt, probability,
            d.Value is { } value ? Math.Round(value * probability / 100m, 2) : null,
            IsStalled(d, options, now), d.Version);
    }

    /// <summary>Whether an open deal has been in its stage longer than <see cref="PipelineOptions.StallDays"/>.</summary>
    internal static bool IsStalled(Deal d, PipelineOptions options, DateTime now) =>
        !DealStages.IsClosed(d.Stage) && options.IsStalled(d.StageEnteredAt, now);
}

/// <summary>
/// One entry of a deal's stage history: <c>stage</c> entered at <c>at</c>, by a user id or <c>event:&lt;name&gt;</c>, and how many
/// days the deal had spent in <c>from</c> (null for the opening).
/// </summary>
public sealed record DealHistoryDto(string Stage, string? From, DateTime At, string By, string? Reason, double? FromStageDays);

/// <summary>A note on a deal: its text, who wrote it (a user id) and when.</summary>
public sealed record DealNoteDto(Guid Id, string Text, string By, DateTime At);
