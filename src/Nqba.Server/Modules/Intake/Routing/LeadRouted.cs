using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>
/// A lead was assigned to a specialist of a unit, with the reason; the specialist is notified from this event. Ids
/// only: the specialist's e-mail address is looked up in the company directory, not kept in the event log.
/// </summary>
public sealed record LeadRouted(Guid LeadId, Guid? OrganizationId, Guid SpecialistId, string UnitCode, string Reason, string Method, DateTime RoutedAt) : IDomainEvent;
