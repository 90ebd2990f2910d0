using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Pipeline;

/// <summary>A proposal version was sent to the client (the deal moves to <c>proposal</c> through its gates).</summary>
[EventName("pipeline.proposal-sent")]
public sealed record ProposalSent(Guid ProposalId, Guid DealId, Guid? OrganizationId, int Version, decimal Total, string Currency, DateOnly ValidUntil, DateTime At) : IDomainEvent;

/// <summary>The client accepted a proposal version through its signed link (the deal moves to <c>won</c> through its gates).</summary>
[EventName("pipeline.proposal-accepted")]
public sealed record ProposalAccepted(Guid ProposalId, Guid DealId, Guid? OrganizationId, int Version, decimal Total, string Currency, DateTime At) : IDomainEvent;

/// <summary>The client declined a proposal version; whether they gave a reason (the reason itself stays with the proposal).</summary>
[EventName("pipeline.proposal-declined")]
public sealed record ProposalDeclined(Guid ProposalId, Guid DealId, Guid? OrganizationId, int Version, bool WithReason, DateTime At) : IDomainEvent;

/// <summary>
/// The client signed the contract of the accepted proposal version: the SHA-256 of the exact document signed and the
/// signature's id (who signed, and from where, stay with the signature and in the audit ledger, not in the event log).
/// </summary>
[EventName("pipeline.contract-signed")]
public sealed record ContractSigned(Guid ProposalId, Guid DealId, Guid? OrganizationId, int Version, Guid SignatureId, string DocumentSha256, DateTime SignedAt) : IDomainEvent;
