namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// An automatic move a deal did not make because the target stage's gate was not met (a proposal was sent to a deal
/// without a confirmed budget, say): kept so the deal page says so, and audited. Once per event.
/// </summary>
internal sealed class DealHeldMove
{
    public Guid Id { get; set; }

    public Guid DealId { get; set; }

    /// <summary>The event that asked for the move; unique, so a redelivery records nothing twice.</summary>
    public Guid EventId { get; set; }

    public DealStage Stage { get; set; }

    /// <summary>The unmet gates, comma-separated (e.g. <c>budget-confirmed,value-set</c>).</summary>
    public required string UnmetGates { get; set; }

    public DateTime At { get; set; }

    /// <summary><c>event:&lt;name&gt;</c>.</summary>
    public required string By { get; set; }

    public string? Reason { get; set; }
}
