namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// A sales opportunity with one client organization: opened when a lead is captured (one deal per lead) or by hand,
/// moved through the <see cref="DealStage"/>s by events and by people, every move kept in <see cref="DealStageChange"/>.
/// </summary>
internal sealed class Deal
{
    public Guid Id { get; set; }

    /// <summary>The lead the deal came from; unique, null for a deal opened by hand.</summary>
    public Guid? LeadId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>What the board shows: the company's name when the deal was opened.</summary>
    public required string Title { get; set; }

    public string? UnitCode { get; set; }

    /// <summary>The specialist who owns the deal (the company directory's id).</summary>
    public Guid? OwnerId { get; set; }

    public DealStage Stage { get; set; }

    /// <summary>When the deal entered its current stage.</summary>
    public DateTime StageEnteredAt { get; set; }

    public decimal? Value { get; set; }

    public required string Currency { get; set; }

    public DateOnly? ExpectedClose { get; set; }

    public bool BudgetConfirmed { get; set; }

    /// <summary>When a technical demo with this deal's lead was held (from Scheduling's MeetingHeld).</summary>
    public DateTime? DemoHeldAt { get; set; }

    /// <summary>Why a lost deal was lost (one of the configured reasons).</summary>
    public string? LostReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>When the stalled-deal check last told the owner about this deal in its current stage; null once it moves.</summary>
    public DateTime? StalledNotifiedAt { get; set; }

    /// <summary>A concurrency token incremented on every write: two moves of one deal cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>One move of a deal: from which stage to which, when, by whom or what, and why.</summary>
internal sealed class DealStageChange
{
    public Guid Id { get; set; }

    public Guid DealId { get; set; }

    /// <summary>The stage before; null for the deal's opening.</summary>
    public DealStage? FromStage { get; set; }

    public DealStage ToStage { get; set; }

    public DateTime At { get; set; }

    /// <summary>A user id, or <c>event:&lt;name&gt;</c> for an automatic move.</summary>
    public required string By { get; set; }

    public string? Reason { get; set; }

    /// <summary>
    /// How many days the deal had been in <see cref="FromStage"/> when this change moved it on (null for the opening):
    /// kept with the move so that the time in each stage is one aggregate in the database, not a walk of the history.
    /// </summary>
    public double? FromStageDays { get; set; }
}
