namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>A declined proposal version, for the deal's owner: whether the client gave a reason (shown on the proposal page).</summary>
public sealed record ProposalDeclinedMailModel(Guid ProposalId, string Title, int Version, bool WithReason);
