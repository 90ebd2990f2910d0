namespace Nqba.Server.Platform.Company;

/// <summary>A business unit of the company (FLYFOX AI, Sigma Select, Goliath Trade, NQBA Core).</summary>
internal sealed class BusinessUnit
{
    public Guid Id { get; set; }

    /// <summary>Stable short code used in URLs and configuration, e.g. <c>flyfox-ai</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    /// <summary>What in a prospect's needs points to this unit (used by routing explanations).</summary>
    public required string RoutingSignal { get; set; }
}
