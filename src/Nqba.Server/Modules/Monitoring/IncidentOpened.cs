using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>An incident was opened, automatically (a component went down), by hand, or as a predicted warning.</summary>
public sealed record IncidentOpened(Guid IncidentId, string Title, IReadOnlyList<Guid> ComponentIds, bool Automatic, bool Predicted, DateTime OpenedAt) : IDomainEvent
{
    public Guid? OrganizationId => null;
}
