using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>A lead entered the system; the lead-response clock starts.</summary>
public sealed record LeadCaptured(Guid LeadId, Guid? OrganizationId, LeadSource Source, DateTime CapturedAt) : IDomainEvent;
