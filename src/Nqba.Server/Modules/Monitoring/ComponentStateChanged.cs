using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>A monitored component changed state (after its monitors' retries); notifications are sent from this.</summary>
public sealed record ComponentStateChanged(Guid ComponentId, string ComponentKey, string ComponentName, ServiceState From, ServiceState To, string? Reason, DateTime At) : IDomainEvent
{
    public Guid? OrganizationId => null;
}
