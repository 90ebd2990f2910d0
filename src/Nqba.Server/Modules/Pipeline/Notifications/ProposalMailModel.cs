namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>A sent proposal version, for its recipient: the link is the path of the client's signed page.</summary>
public sealed record ProposalMailModel(string Title, string ClientName, int Version, decimal Total, string Currency, DateOnly ValidUntil, string Link);
