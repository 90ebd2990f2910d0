using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>A lead was assigned to a specialist of a unit, with the reason; the specialist is notified from this event.</summary>
public sealed record LeadRouted(Guid LeadId, Guid? OrganizationId, Guid SpecialistId, string SpecialistEmail, string UnitCode, string Reason, string Method, DateTime RoutedAt) : IDomainEvent;
