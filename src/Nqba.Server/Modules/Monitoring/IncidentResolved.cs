using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>An incident was resolved, by hand or because its components' checks recovered.</summary>
public sealed record IncidentResolved(Guid IncidentId, string Title, IReadOnlyList<Guid> ComponentIds, bool Automatic, DateTime OpenedAt, DateTime ResolvedAt) : IDomainEvent
{
    public Guid? OrganizationId => null;
}
