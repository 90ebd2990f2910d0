namespace Nqba.Server.Platform.Events;

/// <summary>
/// Something that happened in a module. Events are appended to the event log in the same transaction as the
/// change, dispatched after commit, and kept: KPIs, agents and webhooks are computed from them.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The client organization the event concerns, when it concerns one.</summary>
    Guid? OrganizationId { get; }
}
