namespace Nqba.Server.Modules.Pipeline;

/// <summary>The pipeline's contract for other modules: where a lead's deal stands.</summary>
public interface ILeadDeals
{
    /// <summary>The lead's deal, or null when it has none (yet).</summary>
    Task<LeadDeal?> ForLeadAsync(Guid leadId, CancellationToken cancellationToken);
}

/// <summary>A lead's deal as other modules see it: its stage (the API identifier), since when, and its value.</summary>
public sealed record LeadDeal(Guid DealId, string Stage, DateTime StageEnteredAt, decimal? Value, string Currency);
