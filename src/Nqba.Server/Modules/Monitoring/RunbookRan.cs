using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>A runbook ran against a down component (or was skipped by its limits).</summary>
public sealed record RunbookRan(Guid RunbookId, Guid ComponentId, Guid? IncidentId, bool Succeeded, string Outcome, DateTime At) : IDomainEvent
{
    public Guid? OrganizationId => null;
}
