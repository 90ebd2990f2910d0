namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>A new paper portfolio: its name, the client organization it is for (optional) and its starting cash.</summary>
public sealed record CreatePortfolioRequest(string? Name, Guid? OrganizationId, decimal? Cash);
